package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties load(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/tideline/views/desk/messages" + suffix
                + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void germanAndChineseHaveEveryEnglishKeyAndNoOther() throws Exception {
        Properties en = load("");
        for (String lang : new String[] {"_de", "_zh"}) {
            Properties other = load(lang);
            assertThat(other.stringPropertyNames()).as("keys of messages%s", lang)
                    .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        }
    }

    @Test
    void theLocaleOfTheViewContextChoosesTheLanguageNotTheJvmDefault() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.of(Locale.ENGLISH).get("feeds.title")).isEqualTo("Feeds");
            assertThat(Messages.of(Locale.GERMAN).get("feeds.title")).isEqualTo("Datenquellen");
            assertThat(Messages.of(Locale.CHINESE).get("feeds.title")).isEqualTo("数据源");
            assertThat(Messages.of(Locale.FRENCH).get("feeds.title")).isEqualTo("Feeds");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
