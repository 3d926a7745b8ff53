package io.tideline.views.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKeyAndRealTranslations() throws IOException {
        Properties en = load("messages.properties");
        for (String lang : new String[] {"de", "zh"}) {
            Properties other = load("messages_" + lang + ".properties");
            assertThat(other.stringPropertyNames()).as("keys of messages_" + lang)
                    .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            long same = en.stringPropertyNames().stream()
                    .filter(k -> en.getProperty(k).equals(other.getProperty(k))).count();
            // Ids, "PID: {0}" and the like may stay the same; most strings must differ.
            assertThat(same).as("untranslated strings in " + lang).isLessThan(en.size() / 8);
        }
    }

    @Test
    void loadsTheChosenLanguageNotTheMachineDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.of(Locale.ENGLISH).get("settings.apply")).isEqualTo("Apply");
            assertThat(Messages.of(Locale.GERMAN).get("settings.apply")).isEqualTo("Übernehmen");
            assertThat(Messages.of(Locale.CHINESE).get("settings.apply")).isEqualTo("应用");
            assertThat(Messages.of(Locale.FRENCH).get("settings.apply")).as("no French: English").isEqualTo("Apply");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyPatternIsAValidMessageFormatWithoutLoneApostrophes() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_de.properties", "messages_zh.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                new java.text.MessageFormat(pattern);
                // A single apostrophe would silently swallow the text after it.
                assertThat(pattern.replace("''", "")).as(file + " " + key).doesNotContain("'");
            }
        }
    }
}
