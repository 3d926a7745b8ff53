package io.tideline.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Timeframe;
import io.tideline.api.series.Times;
import org.junit.jupiter.api.Test;

class SeriesCommandTest {

    private static final long DAY_2020_03_16 = 1_584_316_800_000L;

    @Test
    void aDateMeansItsFirstMillisecondForFromAndItsLastForTo() {
        assertThat(Times.parse("2020-03-16")).isEqualTo(DAY_2020_03_16);
        assertThat(Times.parseEnd("2020-03-16")).isEqualTo(DAY_2020_03_16 + 86_399_999L);
    }

    @Test
    void dateTimesWithOffsetAndEpochMillisAreUnderstood() {
        assertThat(Times.parse("2020-03-16T14:30:00Z")).isEqualTo(DAY_2020_03_16 + 52_200_000L);
        assertThat(Times.parse("2020-03-16T16:30:00+02:00")).isEqualTo(DAY_2020_03_16 + 52_200_000L);
        assertThat(Times.parseEnd("1584316800000")).isEqualTo(DAY_2020_03_16);
        assertThatThrownBy(() -> Times.parse("16.03.2020"))
                .hasMessageContaining("'16.03.2020' is not a time");
    }

    @Test
    void dailyBarsPrintAsDatesOthersAsInstants() {
        assertThat(SeriesCommand.format(DAY_2020_03_16, Timeframe.D1)).isEqualTo("2020-03-16");
        assertThat(SeriesCommand.format(DAY_2020_03_16 + 3_600_000L, Timeframe.D1)).isEqualTo("2020-03-16T01:00:00Z");
        assertThat(SeriesCommand.format(DAY_2020_03_16, Timeframe.H1)).isEqualTo("2020-03-16T00:00:00Z");
    }
}
