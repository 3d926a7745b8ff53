package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Episodes found in drawdown columns, against runs worked out by hand. */
class EpisodeLibraryTest {

    private static final double NaN = Double.NaN;

    private static long[] times(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_000L * i;
        }
        return t;
    }

    @Test
    void aRunBeyondTheDepthIsOneEpisodeFromItsFirstBarUntilBackAboveHalfTheDepth() {
        // depth 0.10: the line is -0.10, the episode ends above -0.05
        double[] dd = {0, -0.02, -0.11, -0.08, -0.12, -0.09, -0.06, -0.11, -0.04, 0, -0.10, -0.03};
        List<EpisodeLibrary.Episode> found = EpisodeLibrary.find(3, times(dd.length), dd, 0.10, Long.MAX_VALUE);
        assertThat(found).containsExactly(
                // starts on bar 2, deepest on bar 4 (-0.12), hovers (bar 7 is beyond the line again) until bar 8
                new EpisodeLibrary.Episode(3, 2_000, 4_000, -0.12, 8_000, false),
                // -0.10 is at the line, so it counts; bar 11 (-0.03) ends it
                new EpisodeLibrary.Episode(3, 10_000, 10_000, -0.10, 11_000, false));
    }

    @Test
    void onlyBarsUpToTheCutoffAreReadAndAnEpisodeRunningThereIsOpen() {
        double[] dd = {0, -0.2, -0.3, -0.1, 0, -0.25};
        long[] t = times(dd.length);
        assertThat(EpisodeLibrary.find(0, t, dd, 0.2, 2_000))
                .containsExactly(new EpisodeLibrary.Episode(0, 1_000, 2_000, -0.3, 2_000, true));
        // with the whole column the same fall has ended (bar 4 is above -0.1) and a new one runs
        assertThat(EpisodeLibrary.find(0, t, dd, 0.2, Long.MAX_VALUE)).containsExactly(
                new EpisodeLibrary.Episode(0, 1_000, 2_000, -0.3, 4_000, false),
                new EpisodeLibrary.Episode(0, 5_000, 5_000, -0.25, 5_000, true));
    }

    @Test
    void barsWithoutAValueNeitherStartNorEndAnEpisode() {
        double[] dd = {NaN, NaN, -0.3, NaN, -0.1, NaN, 0};
        assertThat(EpisodeLibrary.find(1, times(dd.length), dd, 0.2, Long.MAX_VALUE))
                .containsExactly(new EpisodeLibrary.Episode(1, 2_000, 2_000, -0.3, 6_000, false));
        assertThat(EpisodeLibrary.find(1, times(3), new double[] {NaN, NaN, NaN}, 0.2, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aDepthOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> EpisodeLibrary.find(0, times(1), new double[] {0}, 0, Long.MAX_VALUE))
                .hasMessageContaining("depth");
        assertThatThrownBy(() -> EpisodeLibrary.find(0, times(1), new double[] {0}, 1.5, Long.MAX_VALUE))
                .hasMessageContaining("depth");
    }
}
