package io.tideline.api.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Freshness.Age;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ages worked out by hand from calendar dates; 2026-02-06 is a Friday (the sample's date). */
class FreshnessTest {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** Daily bars at midnight UTC from {@code from} to {@code to}, weekdays only unless {@code weekends}. */
    private static long[] days(String from, String to, boolean weekends) {
        List<Long> out = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (weekends || d.getDayOfWeek().getValue() <= 5) {
                out.add(d.toEpochDay() * DAY);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void aPinnedDayIsSeenFromItsEndAndUnpinnedFromTheClock() {
        assertThat(Freshness.asOf(LocalDate.of(2026, 2, 6), 123L)).isEqualTo(at("2026-02-07T00:00:00Z"));
        assertThat(Freshness.asOf(null, 123L)).isEqualTo(123L);
        assertThat(Freshness.endOfDay(LocalDate.of(2026, 12, 31))).isEqualTo(at("2027-01-01T00:00:00Z"));
    }

    @Test
    void fridaysCloseIsFreshThroughMondayAndStaleOnTuesday() {
        long[] spx = days("2026-01-12", "2026-02-06", false);
        // Seen from the end of Friday: 1 day old, 4 allowed (2 bars + the weekend).
        assertThat(Freshness.staleAge(spx, Timeframe.D1, Freshness.endOfDay(LocalDate.of(2026, 2, 6)))).isEqualTo(-1);
        // The end of Monday: exactly 4 days, not more.
        assertThat(Freshness.staleAge(spx, Timeframe.D1, at("2026-02-10T00:00:00Z"))).isEqualTo(-1);
        // The end of Tuesday: 5 days.
        assertThat(Freshness.staleAge(spx, Timeframe.D1, at("2026-02-11T00:00:00Z"))).isEqualTo(5 * DAY);
    }

    @Test
    void aSeriesThatTradesWeekendsGetsNoWeekendAllowance() {
        long[] btc = days("2026-01-20", "2026-02-06", true);
        // Saturday noon: 1.5 days, 2 allowed.
        assertThat(Freshness.staleAge(btc, Timeframe.D1, at("2026-02-07T12:00:00Z"))).isEqualTo(-1);
        // The end of Monday: 4 days, which an equity would be allowed but a coin is not.
        assertThat(Freshness.staleAge(btc, Timeframe.D1, at("2026-02-10T00:00:00Z"))).isEqualTo(4 * DAY);
        assertThat(Age.of(4 * DAY)).isEqualTo(new Age(4, Age.Unit.DAYS));
    }

    @Test
    void onlyTheLastFourteenBarsSayWhetherASeriesTradesWeekends() {
        // Weekend bars long ago, then three weekday-only weeks: it closes at weekends now.
        long[] early = days("2025-06-01", "2025-06-30", true);
        long[] late = days("2026-01-19", "2026-02-06", false);
        long[] times = new long[early.length + late.length];
        System.arraycopy(early, 0, times, 0, early.length);
        System.arraycopy(late, 0, times, early.length, late.length);
        assertThat(late.length).isGreaterThanOrEqualTo(14);
        assertThat(Freshness.staleAge(times, Timeframe.D1, at("2026-02-10T00:00:00Z"))).isEqualTo(-1);
    }

    @Test
    void hourlyBarsAreStaleAfterTwoHours() {
        long[] h = {at("2026-02-06T08:00:00Z"), at("2026-02-06T09:00:00Z"), at("2026-02-06T10:00:00Z")};
        assertThat(Freshness.staleAge(h, Timeframe.H1, at("2026-02-06T12:00:00Z"))).isEqualTo(-1);
        assertThat(Freshness.staleAge(h, Timeframe.H1, at("2026-02-06T12:00:00Z") + 1)).isEqualTo(2 * HOUR + 1);
        // No weekend allowance for intraday bars, even on a Saturday.
        assertThat(Freshness.staleAge(h, Timeframe.H1, at("2026-02-07T10:00:00Z"))).isEqualTo(DAY);
    }

    @Test
    void barsAfterTheAsOfInstantDoNotCount() {
        // The sample's rates run to 2026-04-13: as of 2026-02-06 they are judged by that Friday's bar.
        long[] us10y = days("2025-12-01", "2026-04-13", false);
        assertThat(Freshness.staleAge(us10y, Timeframe.D1, Freshness.endOfDay(LocalDate.of(2026, 2, 6)))).isEqualTo(-1);
        // Unpinned on 2026-08-22 (the sample's newest day): 2026-04-13 (a Monday) is 131 days behind.
        long age = Freshness.staleAge(us10y, Timeframe.D1, at("2026-08-22T00:00:00Z"));
        assertThat(age).isEqualTo(131 * DAY);
        assertThat(Age.of(age)).isEqualTo(new Age(4, Age.Unit.MONTHS));
        // Pinned before the first bar: nothing by then, absent rather than stale.
        assertThat(Freshness.staleAge(us10y, Timeframe.D1, at("2025-11-01T00:00:00Z"))).isEqualTo(-1);
        assertThat(Freshness.staleAge(new long[0], Timeframe.D1, at("2026-02-07T00:00:00Z"))).isEqualTo(-1);
    }

    @Test
    void aWeeklySeriesMayBeTwoWeeksBehind() {
        long[] weekly = {at("2026-01-23T00:00:00Z"), at("2026-01-30T00:00:00Z")};
        assertThat(Freshness.staleAge(weekly, Timeframe.W1, at("2026-02-13T00:00:00Z"))).isEqualTo(-1);
        assertThat(Freshness.staleAge(weekly, Timeframe.W1, at("2026-02-14T00:00:00Z"))).isEqualTo(15 * DAY);
    }

    @Test
    void agesAreSaidInTheirLargestWholeUnit() {
        assertThat(Age.of(30 * 60_000L)).isEqualTo(new Age(1, Age.Unit.HOURS));
        assertThat(Age.of(47 * HOUR + 59 * 60_000L)).isEqualTo(new Age(47, Age.Unit.HOURS));
        assertThat(Age.of(2 * DAY)).isEqualTo(new Age(2, Age.Unit.DAYS));
        assertThat(Age.of(14 * DAY - 1)).isEqualTo(new Age(13, Age.Unit.DAYS));
        assertThat(Age.of(14 * DAY)).isEqualTo(new Age(2, Age.Unit.WEEKS));
        assertThat(Age.of(60 * DAY - 1)).isEqualTo(new Age(8, Age.Unit.WEEKS));
        assertThat(Age.of(60 * DAY)).isEqualTo(new Age(2, Age.Unit.MONTHS));
        assertThat(Age.of(47 * HOUR).shortText()).isEqualTo("47 h");
        assertThat(Age.of(13 * DAY).shortText()).isEqualTo("13 d");
        assertThat(Age.of(14 * DAY).shortText()).isEqualTo("2 wk");
        assertThat(Age.of(60 * DAY).shortText()).isEqualTo("2 mo");
        assertThat(Age.of(400 * DAY)).isEqualTo(new Age(13, Age.Unit.MONTHS));
        assertThatThrownBy(() -> new Age(0, Age.Unit.DAYS)).hasMessageContaining("at least one DAYS");
    }
}
