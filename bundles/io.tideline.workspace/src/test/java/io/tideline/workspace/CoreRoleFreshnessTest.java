package io.tideline.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.Problem;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoreRoleFreshnessTest {

    private static final long DAY = 86_400_000L;
    private static final SeriesId DGS10 = SeriesId.parse("fred:DGS10");
    private static final SeriesId BTC = SeriesId.parse("binance:BTCUSDT");

    /** Weekday bars (no weekends) from {@code first} to {@code last}, at midnight UTC. */
    private static long[] weekdays(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).filter(d -> d.getDayOfWeek().getValue() <= 5)
                .mapToLong(d -> d.toEpochDay() * DAY).toArray();
    }

    private static long[] everyDay(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).mapToLong(d -> d.toEpochDay() * DAY).toArray();
    }

    @Test
    void fridaysYieldIsFreshAtTheEndOfThePinnedFridayAndOnMondayButNotOnWednesday() {
        long[] bars = weekdays(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 6));
        long friday = Freshness.asOf(LocalDate.of(2026, 2, 6), 0);
        assertThat(CoreRoleFreshness.check("us10y", DGS10, bars, Timeframe.D1, friday, "pinned")).isEmpty();
        long monday = Freshness.asOf(LocalDate.of(2026, 2, 9), 0);
        assertThat(CoreRoleFreshness.check("us10y", DGS10, bars, Timeframe.D1, monday, "pinned")).isEmpty();
        long wednesday = Freshness.asOf(LocalDate.of(2026, 2, 11), 0);
        Problem p = CoreRoleFreshness.check("us10y", DGS10, bars, Timeframe.D1, wednesday, "now").orElseThrow();
        assertThat(p.source()).isEqualTo("core roles");
        assertThat(p.message()).isEqualTo("role us10y (fred:DGS10) is stale now: newest bar 2026-02-06, 6 d old"
                + " (a 1d series is stale after two bars, a weekend allowed where it does not trade); run its feed"
                + " or import newer data");
    }

    @Test
    void cryptoTradesAtWeekendsSoItGetsNoWeekendAllowance() {
        long[] bars = everyDay(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 6));
        long saturdayEnd = Freshness.asOf(LocalDate.of(2026, 2, 7), 0);
        assertThat(CoreRoleFreshness.check("btc", BTC, bars, Timeframe.D1, saturdayEnd, "now")).isEmpty();
        long mondayEnd = Freshness.asOf(LocalDate.of(2026, 2, 9), 0);
        assertThat(CoreRoleFreshness.check("btc", BTC, bars, Timeframe.D1, mondayEnd, "now").orElseThrow().message())
                .contains("newest bar 2026-02-06, 4 d old");
    }

    @Test
    void monthsOfSilenceAreSaidInMonthsAndNoDataByThenIsAProblemToo() {
        long[] bars = weekdays(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 13));
        long december = Freshness.asOf(LocalDate.of(2026, 12, 2), 0);
        assertThat(CoreRoleFreshness.check("us10y", DGS10, bars, Timeframe.D1, december, "now").orElseThrow()
                .message()).contains("newest bar 2026-04-13, 7 mo old");
        assertThat(CoreRoleFreshness.check("us10y", DGS10, new long[0], Timeframe.D1, december, "at the end of"
                + " 2026-02-06").orElseThrow().message())
                .isEqualTo("role us10y (fred:DGS10) has no data at the end of 2026-02-06; its first bar is later");
    }
}
