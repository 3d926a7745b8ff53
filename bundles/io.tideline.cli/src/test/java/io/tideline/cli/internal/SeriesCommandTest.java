package io.tideline.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Timeframe;
import org.junit.jupiter.api.Test;

class SeriesCommandTest {

    private static final long DAY_2020_03_16 = 1_584_316_800_000L;

    @Test
    void aDateMeansItsFirstMillisecondForFromAndItsLastForTo() {
        assertThat(SeriesCommand.parseTime("2020-03-16", false)).isEqualTo(DAY_2020_03_16);
        assertThat(SeriesCommand.parseTime("2020-03-16", true)).isEqualTo(DAY_2020_03_16 + 86_399_999L);
    }

    @Test
    void dateTimesWithOffsetAndEpochMillisAreUnderstood() {
        assertThat(SeriesCommand.parseTime("2020-03-16T14:30:00Z", false)).isEqualTo(DAY_2020_03_16 + 52_200_000L);
        assertThat(SeriesCommand.parseTime("2020-03-16T16:30:00+02:00", false)).isEqualTo(DAY_2020_03_16 + 52_200_000L);
        assertThat(SeriesCommand.parseTime("1584316800000", true)).isEqualTo(DAY_2020_03_16);
        assertThatThrownBy(() -> SeriesCommand.parseTime("16.03.2020", false))
                .hasMessageContaining("time '16.03.2020' is not a date");
    }

    @Test
    void dailyBarsPrintAsDatesOthersAsInstants() {
        assertThat(SeriesCommand.format(DAY_2020_03_16, Timeframe.D1)).isEqualTo("2020-03-16");
        assertThat(SeriesCommand.format(DAY_2020_03_16 + 3_600_000L, Timeframe.D1)).isEqualTo("2020-03-16T01:00:00Z");
        assertThat(SeriesCommand.format(DAY_2020_03_16, Timeframe.H1)).isEqualTo("2020-03-16T00:00:00Z");
    }
}
