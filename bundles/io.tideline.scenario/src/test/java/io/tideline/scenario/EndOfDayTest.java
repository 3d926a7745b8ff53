package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.Times;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The last millisecond of a day, by arithmetic, is what the text round trip it replaced gives. */
class EndOfDayTest {

    @Test
    void everyDayFrom1900To2100EndsWhereTimesSaysItEnds() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.isBefore(LocalDate.of(2101, 1, 1)); d = d.plusDays(1)) {
            assertThat(Analysis.endOf(d)).as("%s", d).isEqualTo(Times.parseEnd(d.toString()));
        }
        assertThat(Analysis.endOf(LocalDate.of(2020, 3, 16))).isEqualTo(1_584_403_199_999L);
    }
}
