package io.tideline.views.desk.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heatmap's narrow-cell form of a correlation: the leading zero dropped, nothing else. */
class CompactNumberTest {

    @Test
    void theLeadingZeroGoesTheSignAndDigitsStay() {
        assertThat(HeatmapView.compact("0.45")).isEqualTo(".45");
        assertThat(HeatmapView.compact("-0.32")).isEqualTo("-.32");
        assertThat(HeatmapView.compact("0,45")).isEqualTo(",45");
        assertThat(HeatmapView.compact("1.00")).isEqualTo("1.00");
        assertThat(HeatmapView.compact("-1.00")).isEqualTo("-1.00");
        assertThat(HeatmapView.compact("0.00")).isEqualTo(".00");
    }
}
