package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.indicator.ParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndicatorTextTest {

    private static final IndicatorSpec SMA = new IndicatorSpec("sma", "Simple moving average", List.of("value"),
            List.of(new ParameterSpec("window", "bars", 20, 1, 10_000)), "input unit");

    @Test
    void readsPositionalAndNamedArgumentsAndSeveralInputs() {
        IndicatorText.Parsed p = IndicatorText.parse("sma(50):btc; correlation(window=60):btc+spx; bogus",
                id -> id.equals("sma") ? Optional.of(SMA) : Optional.empty());
        assertThat(p.entries()).hasSize(2);
        assertThat(p.entries().get(0).node().params()).isEqualTo(Map.of("window", 50.0));
        assertThat(p.entries().get(0).node().inputs()).containsExactly("btc");
        assertThat(p.entries().get(0).overlay()).isTrue();
        assertThat(p.entries().get(1).node().inputs()).containsExactly("btc", "spx");
        assertThat(p.errors()).singleElement().asString().contains("entry 3", "'bogus'", "id(args):inputs");
    }

    @Test
    void positionalArgumentsOfAnUnknownIndicatorAreRefusedWithAFix() {
        IndicatorText.Parsed p = IndicatorText.parse("ema(20):btc", id -> Optional.empty());
        assertThat(p.entries()).isEmpty();
        assertThat(p.errors()).singleElement().asString().contains("'ema' is not installed", "name=value");
    }
}
