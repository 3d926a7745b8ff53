package io.tideline.workbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.workbench.internal.layout.Side;
import org.junit.jupiter.api.Test;

class DropZonesTest {

    // A stack at (100, 50), 400 x 330, with a 30-pixel tab row: the body is 400 x 300 from y = 80.
    private static Side at(int px, int py) {
        return DropZones.side(100, 50, 400, 330, 30, px, py);
    }

    @Test
    void theTabRowAndTheMiddleJoinTheStack() {
        assertThat(at(110, 60)).isEqualTo(Side.CENTER);
        assertThat(at(300, 230)).isEqualTo(Side.CENTER);
        // just inside the quarter bounds: x = 100 + 0.25 * 400 = 200, y = 80 + 0.25 * 300 = 155
        assertThat(at(200, 230)).isEqualTo(Side.CENTER);
        assertThat(at(300, 155)).isEqualTo(Side.CENTER);
    }

    @Test
    void theOuterQuarterOfAnEdgeSplitsOnThatSide() {
        assertThat(at(199, 230)).isEqualTo(Side.LEFT);
        assertThat(at(401, 230)).isEqualTo(Side.RIGHT);
        assertThat(at(300, 154)).isEqualTo(Side.TOP);
        assertThat(at(300, 306)).isEqualTo(Side.BOTTOM);
    }

    @Test
    void aCornerGoesToTheNearerEdge() {
        assertThat(at(105, 140)).as("5 px from the left, 60 from the top").isEqualTo(Side.LEFT);
        assertThat(at(180, 85)).as("80 px (0.2) from the left, 5 px (0.017) from the top").isEqualTo(Side.TOP);
    }
}
