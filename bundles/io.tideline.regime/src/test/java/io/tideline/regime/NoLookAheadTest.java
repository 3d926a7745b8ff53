package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.testing.InMemoryEngine;
import io.tideline.regime.api.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A replay's verdict for a day equals the verdict computed from data physically cut at that day. */
class NoLookAheadTest {

    @Test
    void replay_equals_data_cut_at_each_day() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        Map<String, Verdict> replay = checks.replay(LocalDate.parse("2020-01-01"), LocalDate.parse("2022-12-31"))
                .stream().collect(Collectors.toMap(Verdict::asOf, Function.identity()));
        for (String d : List.of("2020-02-27", "2020-03-12", "2020-03-23", "2021-05-19", "2022-05-12", "2022-06-13",
                "2022-11-09", "2022-12-30")) {
            // The in-memory engine cuts every input at the end of the day before computing.
            Verdict cut = checks.asOf(LocalDate.parse(d));
            assertThat(replay.get(d)).as(d).isEqualTo(cut);
        }
    }
}
