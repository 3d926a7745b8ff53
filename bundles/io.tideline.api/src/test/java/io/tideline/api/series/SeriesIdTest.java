package io.tideline.api.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesIdTest {

    @Test
    void parsesAndPrintsTheCanonicalForm() {
        SeriesId plain = SeriesId.parse("fred:DGS10");
        assertThat(plain).isEqualTo(SeriesId.of("fred", "DGS10"));
        assertThat(plain.field()).isNull();
        assertThat(plain.toString()).isEqualTo("fred:DGS10");

        SeriesId withField = SeriesId.parse("binance:BTCUSDT:funding");
        assertThat(withField).isEqualTo(new SeriesId("binance", "BTCUSDT", "funding"));
        assertThat(SeriesId.parse(withField.toString())).isEqualTo(withField);
    }

    @Test
    void rejectsMalformedIdsNamingTheProblem() {
        assertThatThrownBy(() -> SeriesId.parse("DGS10")).hasMessageContaining("source:symbol[:field]");
        assertThatThrownBy(() -> SeriesId.parse("a:b:c:d")).hasMessageContaining("'a:b:c:d'");
        assertThatThrownBy(() -> SeriesId.parse("FRED:DGS10")).hasMessageContaining("source 'FRED'");
        assertThatThrownBy(() -> SeriesId.parse("fred:")).hasMessageContaining("symbol ''");
        assertThatThrownBy(() -> SeriesId.parse("fred:DGS 10")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> SeriesId.parse("fred:DGS10:")).hasMessageContaining("field ''");
    }

    @Test
    void ordersByText() {
        assertThat(SeriesId.parse("fred:DGS10")).isLessThan(SeriesId.parse("fred:DGS2"));
        assertThat(SeriesId.parse("binance:BTCUSDT")).isLessThan(SeriesId.parse("fred:DGS10"));
    }
}
