package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.Problem;
import io.tideline.api.store.StoreHealth;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreProblemsTest {

    @Test
    void aSoundStoreIsNoProblemADamagedOneNamesEachRangeAndWhatToDo() {
        assertThat(StoreProblems.of(new StoreHealth(StoreHealth.Status.OK, Instant.EPOCH, List.of()))).isEmpty();
        List<Problem> damaged = StoreProblems.of(new StoreHealth(StoreHealth.Status.DAMAGED,
                Instant.parse("2026-12-01T10:00:00Z"), List.of("csv:ACME 2024-01-02..2024-03-29: chunk checksum does"
                        + " not match its data")));
        assertThat(damaged).extracting(Problem::source).containsOnly("series store");
        assertThat(damaged).extracting(Problem::message).containsExactly(
                "series store: damaged (last 'db check' 2026-12-01T10:00:00Z); run 'tideline --headless db check',"
                        + " then restore the latest backup (db restore DIR)",
                "damaged: csv:ACME 2024-01-02..2024-03-29: chunk checksum does not match its data");
    }
}
