package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Column widths for a narrow view: the long columns take the cut, short ones stay whole. */
class ColumnFitTest {

    @Test
    void theWidestColumnIsCappedAndShortOnesStayWhole() {
        // Condition (fills), state "unknown (stale: ...)" 300 px, value 60, threshold 70; 500 px.
        int[] w = {0, 300, 60, 70};
        Swt.fit(w, 0, 160, 500);
        assertThat(w).containsExactly(160, 210, 60, 70);
    }

    @Test
    void contentThatFitsKeepsItsWidthAndTheFillColumnTakesTheRest() {
        int[] w = {80, 125, 55, 170, 0};
        Swt.fit(w, 4, 160, 800);
        assertThat(w).containsExactly(80, 125, 55, 170, 370);
    }

    @Test
    void noColumnGoesBelowFortyPixels() {
        int[] w = {0, 400, 300, 45};
        Swt.fit(w, 0, 160, 300);
        // 140 px for three columns: the two wide ones share what the 45 px one leaves.
        assertThat(w).containsExactly(161, 47, 47, 45);
        int[] tiny = {0, 400, 300, 45};
        Swt.fit(tiny, 0, 160, 200);
        assertThat(tiny).as("40 px each even when that overflows").containsExactly(160, 40, 40, 40);
    }
}
