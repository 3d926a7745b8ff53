package io.tideline.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    @Test
    void problemsAreGroupedBySourceAndASourceThatFailsIsAProblemItself() {
        ProblemSource feeds = () -> List.of(new Problem("feeds", "feed fred is DOWN"),
                new Problem("feeds", "feed yahoo is stale"));
        ProblemSource roles = () -> List.of(new Problem("core roles", "role btc is stale"));
        ProblemSource broken = () -> {
            throw new IllegalStateException("no state yet");
        };
        ProblemSource quiet = List::of;
        Map<String, List<String>> problems = StatusCommand.collect(List.of(feeds, broken, quiet, roles));
        assertThat(problems.keySet()).containsExactly("core roles", "feeds", "status");
        assertThat(problems.get("feeds")).containsExactly("feed fred is DOWN", "feed yahoo is stale");
        assertThat(problems.get("status")).singleElement().asString().contains("failed: no state yet")
                .endsWith("its problems are not shown");
        assertThat(StatusCommand.collect(List.of(quiet))).isEmpty();
    }
}
