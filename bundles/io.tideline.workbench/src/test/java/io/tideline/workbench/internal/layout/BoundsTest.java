package io.tideline.workbench.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A window restored from a layout saved on another screen fits the screen it opens on. */
class BoundsTest {

    @Test
    void aWindowLargerThanTheScreenIsShrunkToItsClientArea() {
        // Saved on a 2560x1440 screen, opened on 1280x900 with a 28 px top panel.
        Bounds fit = new Bounds(100, 80, 2400, 1350).within(0, 28, 1280, 872);
        assertThat(fit).isEqualTo(new Bounds(0, 28, 1280, 872));
    }

    @Test
    void aWindowPartlyOffScreenIsMovedBackWithoutShrinking() {
        Bounds fit = new Bounds(900, 700, 800, 600).within(0, 0, 1280, 900);
        assertThat(fit).isEqualTo(new Bounds(480, 300, 800, 600));
        assertThat(new Bounds(-300, -50, 800, 600).within(0, 0, 1280, 900)).isEqualTo(new Bounds(0, 0, 800, 600));
    }

    @Test
    void aWindowInsideTheScreenStaysWhereItWas() {
        Bounds b = new Bounds(40, 60, 1000, 700);
        assertThat(b.within(0, 0, 1280, 900)).isEqualTo(b);
        // A second monitor to the right of the first.
        assertThat(new Bounds(1400, 60, 1000, 700).within(1280, 0, 1920, 1080)).isEqualTo(new Bounds(1400, 60, 1000, 700));
    }
}
