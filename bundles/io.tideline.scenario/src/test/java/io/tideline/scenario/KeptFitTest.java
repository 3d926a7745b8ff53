package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.support.testing.InMemoryEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The odds' fit carried on from the last report gives every day the odds of a fit from the first
 * day: over the sample's COVID stretch, one day after the other (the in-memory engine cuts every
 * input at the day, as if it had just been appended), each report of a scenario service that keeps
 * its fit equals a fresh service's, scenario by scenario, exactly; a backfilled past bar, an
 * earlier day or another pack fit from the first day again and still agree.
 */
class KeptFitTest {

    private static final LocalDate FROM = LocalDate.of(2020, 2, 3);
    private static final LocalDate TO = LocalDate.of(2020, 4, 30);

    @TempDir
    Path dir;

    @Test
    void dayByDayTheKeptFitGivesTheOddsOfAFitFromTheFirstDay() throws Exception {
        InMemoryEngine sample = InMemoryEngine.sample();
        ScenarioComponent keeping = ScenarioComponent.of(sample, sample, dir.resolve("none.json"), null);
        int days = 0;
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            assertSame(d, keeping.evaluate(d, null), keeping.evaluateAfresh(d, null));
            days++;
        }
        assertThat(keeping.keptFit().full()).as("one fit from the first day (afresh ones are not kept)").isEqualTo(1);
        assertThat(keeping.keptFit().extended()).as("every later day carried on").isEqualTo(days - 1);
        assertSame(TO, fresh(sample).evaluate(TO, null), keeping.evaluateAfresh(TO, null));
    }

    @Test
    void aBackfilledBarOrAnEarlierDayFitsFromTheFirstDayAndAgrees() throws Exception {
        InMemoryEngine sample = InMemoryEngine.sample();
        ScenarioComponent keeping = ScenarioComponent.of(sample, sample, dir.resolve("none.json"), null);
        LocalDate day = LocalDate.of(2020, 3, 20);
        keeping.evaluate(day, null);
        keeping.evaluate(day.plusDays(1), null);
        assertThat(keeping.keptFit().extended()).isEqualTo(1);

        // The S&P's close of 2020-03-02 revised (a backfill): every day fits again.
        IndicatorResult spx = sample.evaluate(List.of(new IndicatorNode("spx1", "sma", Map.of("window", 1.0),
                List.of("spx"))), Long.MIN_VALUE, Long.MAX_VALUE).get("spx1");
        SeriesData s = spx.output();
        long[] times = s.copyTimes();
        double[] values = new double[times.length];
        long revised = LocalDate.of(2020, 3, 2).toEpochDay() * 86_400_000L;
        int changed = 0;
        for (int i = 0; i < times.length; i++) {
            values[i] = s.value(i);
            if (times[i] >= revised && times[i] < revised + 86_400_000L) {
                values[i] *= 0.9;
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);
        sample.put("spx", times, values);
        LocalDate next = day.plusDays(2);
        assertSame(next, keeping.evaluate(next, null), fresh(sample).evaluate(next, null));
        assertThat(keeping.keptFit().full()).as("the backfill made a fit from the first day").isEqualTo(2);

        // An earlier day than the one kept: from the first day too, and the same as a fresh one.
        LocalDate earlier = LocalDate.of(2020, 3, 5);
        assertSame(earlier, keeping.evaluate(earlier, null), fresh(sample).evaluate(earlier, null));
        assertThat(keeping.keptFit().full()).isEqualTo(3);
        // ... which did not replace the later fit: the next day carries that one on.
        assertSame(next.plusDays(1), keeping.evaluate(next.plusDays(1), null),
                fresh(sample).evaluate(next.plusDays(1), null));
        assertThat(keeping.keptFit().extended()).isEqualTo(2);
    }

    private ScenarioComponent fresh(InMemoryEngine sample) {
        return ScenarioComponent.of(sample, sample, dir.resolve("none.json"), null);
    }

    private static void assertSame(LocalDate day, ScenarioReport kept, ScenarioReport fresh) {
        assertThat(kept.asOf()).isEqualTo(fresh.asOf());
        assertThat(kept.oddsBasis()).as("%s", day).isEqualTo(fresh.oddsBasis());
        assertThat(kept.warnings()).as("%s", day).isEqualTo(fresh.warnings());
        assertThat(kept.scenarios()).hasSameSizeAs(fresh.scenarios());
        for (int i = 0; i < kept.scenarios().size(); i++) {
            ScenarioResult a = kept.scenarios().get(i);
            ScenarioResult b = fresh.scenarios().get(i);
            String what = day + " " + a.id();
            assertThat(a.id()).isEqualTo(b.id());
            assertThat(a.probability()).as(what).isEqualTo(b.probability());
            assertThat(a.prior()).as(what).isEqualTo(b.prior());
            assertThat(a.packProbability()).as(what).isEqualTo(b.packProbability());
            assertThat(a.fitWeight()).as(what).isEqualTo(b.fitWeight());
        }
        assertThat(kept).as("%s: the whole report", day).isEqualTo(fresh);
    }
}
