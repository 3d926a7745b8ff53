package io.tideline.example.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleFeedSettingsTest {

    @Test
    void symbolsFromACfgLineOrAFormAreSplitTrimmedUpperCasedAndDeduplicated() {
        ExampleFeedSettings fromCfg = ExampleFeedSettings.of("https://data.example.com/", List.of("acme, GLOBEX,,ACME"), " k ");
        assertThat(fromCfg.symbols()).containsExactly("ACME", "GLOBEX");
        assertThat(fromCfg.baseUrl()).hasToString("https://data.example.com");
        assertThat(fromCfg.apiKey()).isEqualTo("k");

        assertThat(ExampleFeedSettings.of("http://127.0.0.1:8080", List.of("ACME", "GLOBEX"), "").symbols())
                .containsExactly("ACME", "GLOBEX");
    }

    @Test
    void aBadBaseUrlOrSymbolIsNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> ExampleFeedSettings.of("data.example.com", List.of("ACME"), ""))
                .hasMessage("io.tideline.example.feed: baseUrl 'data.example.com' is not an http(s) URL without query"
                        + " or user name, e.g. https://data.example.com");
        assertThatThrownBy(() -> ExampleFeedSettings.of("https://data.example.com", List.of("AC ME"), ""))
                .hasMessage("io.tideline.example.feed: symbols holds 'AC ME', expected letters, digits, '.', '_' or '-',"
                        + " e.g. ACME");
    }

    @Test
    void theKeyNeverShowsInTheSettingsText() {
        assertThat(ExampleFeedSettings.of("https://data.example.com", List.of("ACME"), "s3cret"))
                .hasToString("ExampleFeedSettings[baseUrl=https://data.example.com, symbols=[ACME], apiKey=(set)]");
    }
}
