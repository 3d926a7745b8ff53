package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code indicator compute} prints: values without float noise, and a summary that is true. */
class ComputeOutputTest {

    @Test
    void valuesKeepTwelveSignificantDigitsAndNoFloatNoise() {
        assertThat(IndicatorCommand.csv(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(IndicatorCommand.csv(0.016042780748663166)).isEqualTo("0.0160427807487");
        assertThat(IndicatorCommand.csv(-38.91912345678912)).isEqualTo("-38.9191234568");
        assertThat(IndicatorCommand.csv(1.505e-05)).isEqualTo("0.00001505");
        assertThat(IndicatorCommand.csv(65000.0)).isEqualTo("65000");
        assertThat(IndicatorCommand.csv(0.0)).isEqualTo("0");
        assertThat(IndicatorCommand.csv(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Double.parseDouble(IndicatorCommand.csv(-38.91912345678912))).isCloseTo(-38.91912345678912,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSummaryMentionsEmptyValuesOnlyWhenThereAreSome() {
        assertThat(IndicatorCommand.summary(5, 3000, List.of("btc", "ndx"), "correlation", 0))
                .isEqualTo("5 of 3000 bars from btc, ndx; values in correlation");
        assertThat(IndicatorCommand.summary(40, 40, List.of("btc"), "fraction", 30))
                .isEqualTo("40 bars from btc; values in fraction; 30 values are empty: the window held too few"
                        + " valid points there");
        assertThat(IndicatorCommand.summary(2, 2, List.of("btc"), "percent", 1)).contains("; 1 value is empty:");
    }
}
