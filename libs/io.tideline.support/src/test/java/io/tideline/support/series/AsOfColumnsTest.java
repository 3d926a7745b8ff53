package io.tideline.support.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsOfColumnsTest {

    private static final long DAY = 86_400_000L;

    /** Bars on days 0, 1, 2, 5 and 6 (a weekend gap), values 10, 11, 12, 15, 16. */
    private static final AsOfColumns COLS = new AsOfColumns(Map.of(
            "px", new IndicatorResult("px", SeriesData.ofValues(new long[] {0, DAY, 2 * DAY, 5 * DAY, 6 * DAY},
                    new double[] {10, 11, 12, 15, 16}), null),
            "bad", new IndicatorResult("bad", SeriesData.empty(), "input x is missing")), 3);

    @Test
    void the_value_is_the_last_bar_at_or_before_the_cutoff_never_a_later_one() {
        assertThat(COLS.value("px", 2 * DAY)).isEqualTo(12);
        assertThat(COLS.value("px", 5 * DAY - 1)).isEqualTo(12);
        assertThat(COLS.value("px", 6 * DAY + 12 * 3_600_000L)).isEqualTo(16);
        assertThat(COLS.value("px", -1)).isNaN();
    }

    @Test
    void a_lag_counts_bars_back_and_too_long_a_lag_is_no_value() {
        assertThat(COLS.value("px", 6 * DAY, 2)).isEqualTo(12);
        assertThat(COLS.value("px", 6 * DAY, 4)).isEqualTo(10);
        assertThat(COLS.value("px", 6 * DAY, 5)).isNaN();
    }

    @Test
    void a_bar_older_than_the_staleness_limit_is_no_value_but_still_the_last_raw_one() {
        assertThat(COLS.value("px", 9 * DAY)).isEqualTo(16);
        assertThat(COLS.value("px", 9 * DAY + 1)).isNaN();
        assertThat(COLS.last("px", 100 * DAY)).isEqualTo(16);
        assertThat(COLS.stale(6 * DAY, 9 * DAY + 1)).isTrue();
    }

    @Test
    void a_failed_node_keeps_its_error_and_an_unknown_node_has_no_data() {
        assertThat(COLS.error("bad")).isEqualTo("input x is missing");
        assertThat(COLS.computed("bad")).isFalse();
        assertThat(COLS.value("bad", 6 * DAY)).isNaN();
        assertThat(COLS.times("nope")).isEmpty();
        assertThat(COLS.values("nope")).isEmpty();
        assertThat(COLS.values("px")[3]).isCloseTo(15, within(0.0));
    }

    @Test
    void the_binary_search_agrees_with_a_linear_scan() {
        long[] times = {-5, 0, 0, 3, 9, 12};
        for (long cutoff = -7; cutoff <= 14; cutoff++) {
            int expected = -1;
            for (int i = 0; i < times.length; i++) {
                if (times[i] <= cutoff) {
                    expected = i;
                }
            }
            assertThat(AsOfColumns.lastAtOrBefore(times, cutoff)).as("cutoff %d", cutoff).isEqualTo(expected);
        }
        assertThat(AsOfColumns.lastAtOrBefore(new long[0], 0)).isEqualTo(-1);
    }
}
