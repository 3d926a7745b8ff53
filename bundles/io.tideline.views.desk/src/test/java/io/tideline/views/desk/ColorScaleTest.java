package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorScaleTest {

    @Test
    void endsAndMiddleAreBlueWhiteRed() {
        assertThat(ColorScale.diverging(-1)).isEqualTo(0x2166AC);
        assertThat(ColorScale.diverging(0)).isEqualTo(0xFFFFFF);
        assertThat(ColorScale.diverging(1)).isEqualTo(0xB2182B);
    }

    @Test
    void halfwayIsTheChannelMeanRoundedHalfUp() {
        // (255 + 0xB2) / 2 = 216.5 -> 217; (255 + 0x18) / 2 = 139.5 -> 140; (255 + 0x2B) / 2 = 149
        assertThat(ColorScale.diverging(0.5)).isEqualTo((217 << 16) | (140 << 8) | 149);
        // (255 + 0x21) / 2 = 144; (255 + 0x66) / 2 = 178.5 -> 179; (255 + 0xAC) / 2 = 213.5 -> 214
        assertThat(ColorScale.diverging(-0.5)).isEqualTo((144 << 16) | (179 << 8) | 214);
    }

    @Test
    void valuesBeyondOneAreClampedAndNaNIsGrey() {
        assertThat(ColorScale.diverging(3.5)).isEqualTo(ColorScale.RED);
        assertThat(ColorScale.diverging(-7)).isEqualTo(ColorScale.BLUE);
        assertThat(ColorScale.diverging(Double.NaN)).isEqualTo(ColorScale.MISSING);
    }

    @Test
    void scaleIsMonotoneInRedAndBlueChannels() {
        int prevBlue = -1;
        for (int k = 0; k <= 100; k++) {
            int rgb = ColorScale.diverging(k / 100.0);
            int blue = rgb & 0xFF;
            assertThat(prevBlue < 0 || blue <= prevBlue).as("blue channel falls towards +1 at %d", k).isTrue();
            prevBlue = blue;
        }
    }

    @Test
    void textIsBlackOnLightAndWhiteOnDark() {
        assertThat(ColorScale.textOn(0xFFFFFF)).isEqualTo(0x000000);
        assertThat(ColorScale.textOn(ColorScale.BLUE)).isEqualTo(0xFFFFFF);
        assertThat(ColorScale.textOn(ColorScale.RED)).isEqualTo(0xFFFFFF);
    }

    @Test
    void aVerdictWithoutEnoughDataIsGreyLikeAnUnknownStepNeverGreen() {
        assertThat(ColorScale.regime(io.tideline.regime.api.Regime.INSUFFICIENT_DATA))
                .isEqualTo(ColorScale.status(io.tideline.regime.api.Status.UNKNOWN))
                .isNotEqualTo(ColorScale.regime(io.tideline.regime.api.Regime.NORMAL))
                .isNotEqualTo(ColorScale.regime(io.tideline.regime.api.Regime.RISK_ON));
    }
}
