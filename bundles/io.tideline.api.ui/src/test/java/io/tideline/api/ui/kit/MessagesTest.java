package io.tideline.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Messages of(Locale locale, Messages.Missing missing) {
        return Messages.of(MessagesTest.class, locale, missing);
    }

    @Test
    void theAskedLanguageWinsOverTheJvmDefaultAndAnUnknownOneFallsBackToEnglish() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(of(Locale.ENGLISH, Messages.Missing.FAIL).get("greeting")).isEqualTo("Hello");
            assertThat(of(Locale.GERMAN, Messages.Missing.FAIL).get("greeting")).isEqualTo("Hallo");
            assertThat(of(Locale.FRENCH, Messages.Missing.FAIL).get("greeting")).isEqualTo("Hello");
            assertThat(of(Locale.FRENCH, Messages.Missing.FAIL).locale()).isEqualTo(Locale.FRENCH);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aKeyMissingInOneLanguageComesFromEnglish() {
        assertThat(of(Locale.GERMAN, Messages.Missing.FAIL).get("only.en")).isEqualTo("English only");
    }

    @Test
    void getKeepsAStringWithoutArgumentsAsWrittenAndFormatAlwaysReadsAPattern() {
        Messages m = of(Locale.ENGLISH, Messages.Missing.FAIL);
        assertThat(m.get("quoted")).isEqualTo("the sample's date");
        assertThat(m.get("named", "Ann")).isEqualTo("Hello, Ann");
        assertThat(m.get("quoted.arg", "2026-02-06")).isEqualTo("as of 2026-02-06 (the sample's date)");
        assertThat(m.format("quoted.arg", "2026-02-06")).isEqualTo("as of 2026-02-06 (the sample's date)");
        assertThat(m.format("named")).isEqualTo("Hello, {0}");
    }

    @Test
    void aMissingKeyFailsNamingItOrShowsItAsTheBundleChose() {
        assertThatThrownBy(() -> of(Locale.ENGLISH, Messages.Missing.FAIL).get("no.such"))
                .isInstanceOf(MissingResourceException.class).hasMessageContaining("'no.such'");
        assertThatThrownBy(() -> of(Locale.ENGLISH, Messages.Missing.FAIL).format("no.such", 1))
                .isInstanceOf(MissingResourceException.class);
        assertThat(of(Locale.ENGLISH, Messages.Missing.KEY).get("no.such", 1)).isEqualTo("no.such");
        assertThat(of(Locale.ENGLISH, Messages.Missing.MARKED).get("no.such")).isEqualTo("!no.such!");
    }

    @Test
    void optionalKeysAreAskedWithoutFailing() {
        Messages m = of(Locale.GERMAN, Messages.Missing.FAIL);
        assertThat(m.has("greeting")).isTrue();
        assertThat(m.has("enum.NONE")).isFalse();
        assertThat(m.getOr("enum.NONE", "NONE")).isEqualTo("NONE");
        assertThat(m.getOr("greeting", "x")).isEqualTo("Hallo");
    }

    @Test
    void aPackageWithoutMessagesIsRefusedAtOnce() {
        assertThatThrownBy(() -> Messages.of(Test.class, Locale.ENGLISH, Messages.Missing.KEY))
                .isInstanceOf(MissingResourceException.class);
    }

    @Test
    void aStaleAgeIsWordedInItsLargestUnitInTheKitsLanguagesAndABundlesOwnWordingWins() {
        long hour = 3_600_000L;
        long day = 24 * hour;
        Messages en = of(Locale.ENGLISH, Messages.Missing.FAIL);
        assertThat(en.age(5 * hour)).isEqualTo("5 h old");
        assertThat(en.age(2 * day)).isEqualTo("2 d old");
        assertThat(en.age(21 * day)).isEqualTo("3 wk old");
        assertThat(en.age(132 * day)).isEqualTo("4 mo old");
        assertThat(of(Locale.GERMAN, Messages.Missing.FAIL).age(2 * day)).isEqualTo("2 T. alt");
        assertThat(of(Locale.CHINESE, Messages.Missing.FAIL).age(2 * day)).isEqualTo("\u5df2\u8fc7 2 \u5929");
        // No kit file in French: English; the test bundle's German file words weeks its own way.
        assertThat(of(Locale.FRENCH, Messages.Missing.FAIL).age(2 * day)).isEqualTo("2 d old");
        assertThat(of(Locale.GERMAN, Messages.Missing.FAIL).age(21 * day)).isEqualTo("seit 3 Wochen");
    }
}
