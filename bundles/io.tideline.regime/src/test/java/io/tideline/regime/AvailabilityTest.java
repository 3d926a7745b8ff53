package io.tideline.regime;

import io.tideline.support.series.Availability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import io.tideline.support.json.JsonFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When each source's values become available, and the workspace file that overrides it. */
class AvailabilityTest {

    private static final Availability DEFAULTS = Availability.defaults();

    private static long day(String d) {
        return LocalDate.parse(d).toEpochDay() * Availability.DAY;
    }

    private static String at(Availability.Rule rule, String observed) {
        return LocalDateTime.ofEpochSecond(rule.availableAt(day(observed)) / 1000, 0, ZoneOffset.UTC).toString();
    }

    @Test
    void fred_daily_values_are_available_the_next_business_day() {
        Availability.Rule fred = DEFAULTS.of(SeriesId.parse("fred:DGS10"));
        assertThat(at(fred, "2024-03-06")).isEqualTo("2024-03-07T21:00"); // Wednesday -> Thursday
        assertThat(at(fred, "2024-03-08")).isEqualTo("2024-03-11T21:00"); // Friday -> Monday
        assertThat(at(fred, "2024-03-09")).isEqualTo("2024-03-11T21:00"); // a Saturday stamp -> Monday
    }

    @Test
    void cftc_tuesday_reports_are_available_on_friday() {
        Availability.Rule cftc = DEFAULTS.of(SeriesId.parse("cftc:133741:oi"));
        assertThat(at(cftc, "2024-03-05")).isEqualTo("2024-03-08T20:30");
        assertThat(LocalDate.parse("2024-03-08").getDayOfWeek().toString()).isEqualTo("FRIDAY");
    }

    @Test
    void exchange_bars_are_available_at_their_close() {
        // Binance's daily bar opens 00:00 UTC and closes at the end of that UTC day
        assertThat(at(DEFAULTS.of(SeriesId.parse("binance:BTCUSDT")), "2024-03-09")).isEqualTo("2024-03-10T00:00");
        // a US equity's daily bar closes at 16:00 New York, 21:00 UTC at the latest
        assertThat(at(DEFAULTS.of(SeriesId.parse("yahoo:SPY")), "2024-03-08")).isEqualTo("2024-03-08T21:00");
        // per series: Yahoo's bitcoin is a 24/7 UTC-day bar, the dollar index settles at 17:00 New York
        assertThat(at(DEFAULTS.of(SeriesId.parse("yahoo:BTC-USD")), "2024-03-09")).isEqualTo("2024-03-10T00:00");
        assertThat(at(DEFAULTS.of(SeriesId.parse("yahoo:DX-Y.NYB")), "2024-03-08")).isEqualTo("2024-03-08T22:00");
        // anything else: at the end of its day
        assertThat(at(DEFAULTS.of(SeriesId.parse("csv:MINE")), "2024-03-08")).isEqualTo("2024-03-09T00:00");
    }

    @Test
    void availability_never_decreases_with_the_observation() {
        for (String source : new String[] {"fred:X", "cftc:X", "yahoo:X", "binance:X", "csv:X"}) {
            Availability.Rule r = DEFAULTS.of(SeriesId.parse(source));
            long previous = Long.MIN_VALUE;
            for (long t = day("2024-01-01"); t < day("2024-03-01"); t += 3_600_000L) {
                long a = r.availableAt(t);
                assertThat(a).as(source).isGreaterThanOrEqualTo(previous);
                previous = a;
            }
        }
    }

    @Test
    void a_workspace_file_overrides_one_series_and_keeps_the_other_defaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("availability.json");
        Files.writeString(file, """
                {"version": 1,
                 "series": {"fred:VIXCLS": {"after": "calendar-days", "count": 0, "at": "22:00", "maxAgeDays": 5}},
                 "fallback": {"after": "calendar-days", "count": 2, "at": "00:00", "maxAgeDays": 9}}
                """);
        Availability a = Availability.READER.read(file).over(DEFAULTS);
        assertThat(at(a.of(SeriesId.parse("fred:VIXCLS")), "2024-03-08")).isEqualTo("2024-03-08T22:00");
        assertThat(at(a.of(SeriesId.parse("fred:DGS10")), "2024-03-08")).isEqualTo("2024-03-11T21:00");
        assertThat(at(a.of(SeriesId.parse("csv:MINE")), "2024-03-08")).isEqualTo("2024-03-10T00:00");
    }

    @Test
    void a_bad_rule_is_refused_naming_file_json_path_and_expectation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("availability.json");
        Files.writeString(file, """
                {"version": 1, "sources": {"fred": {"after": "business-days", "count": 1, "at": "9pm", "maxAgeDays": 7}},
                 "fallback": {"after": "calendar-days", "count": 1, "at": "00:00", "maxAgeDays": 7}}
                """);
        assertThatThrownBy(() -> Availability.READER.read(file)).isInstanceOf(JsonFileException.class)
                .hasMessageStartingWith(file + ": sources.fred.at: expected a time of day HH:MM (UTC)");

        Files.writeString(file, """
                {"version": 1, "sources": {"cftc": {"after": "weekday", "count": 1, "at": "20:30", "maxAgeDays": 7}},
                 "fallback": {"after": "calendar-days", "count": 1, "at": "00:00", "maxAgeDays": 7}}
                """);
        assertThatThrownBy(() -> Availability.READER.read(file)).hasMessageContaining("sources.cftc.weekday")
                .hasMessageContaining("FRIDAY");

        Files.writeString(file, """
                {"version": 1, "sources": {}, "fallback": {"after": "soon", "count": 1, "at": "00:00", "maxAgeDays": 7}}
                """);
        assertThatThrownBy(() -> Availability.READER.read(file)).hasMessageContaining("fallback.after")
                .hasMessageContaining("calendar-days");

        Files.writeString(file, "{\"version\": 1, \"fallback\": {\"after\": \"calendar-days\", \"count\": 1,"
                + " \"at\": \"00:00\", \"maxAgeDays\": 7}, \"lag\": 1}");
        assertThatThrownBy(() -> Availability.READER.read(file)).hasMessageContaining(": lag: ")
                .hasMessageContaining("unknown key");
    }
}
