package io.tideline.workbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A language setting the workbench cannot use is named, with what it expected, not dropped. */
class LanguageSettingTest {

    @Test
    void anUnknownLanguageNamesFileKeyValueAndTheChoices() {
        assertThat(Messages.languageProblem("xx")).contains(
                "io.tideline.workbench.cfg: language='xx' is not one of: en, de, zh; the window uses English");
        assertThat(Messages.locale("xx")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theKnownLanguagesAndTheDefaultAreNoProblem() {
        for (String ok : new String[] {"en", "de", "zh", " DE ", "", null}) {
            assertThat(Messages.languageProblem(ok)).as(String.valueOf(ok)).isEmpty();
        }
    }

    @Test
    void aLongOrControlCharacterValueIsCutAndMadePrintable() {
        String problem = Messages.languageProblem("\u001b]0;owned\u0007" + "x".repeat(10_000)).orElseThrow();
        assertThat(problem).doesNotContain("\u001b").doesNotContain("\u0007").hasSizeLessThan(200);
    }
}
