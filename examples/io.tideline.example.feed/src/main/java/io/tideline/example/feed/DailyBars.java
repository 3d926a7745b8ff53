package io.tideline.example.feed;

import io.tideline.api.series.SeriesBuilder;
import io.tideline.api.series.SeriesData;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Step 3 of 3, the normalised records: a raw extract becomes {@link SeriesData}, one OHLCV bar at
 * midnight UTC of each date, only those inside the requested range. All or nothing: the first
 * bad bar rejects the answer, named by its JSON path, so half a series never reaches the store.
 */
final class DailyBars {

    private DailyBars() {
    }

    /** What is wrong with an answer that is valid JSON but not what the service documents. */
    static final class Rejected extends Exception {

        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    /**
     * Normalises the bars answered for {@code query}.
     *
     * @throws Rejected naming the JSON path and what was expected
     */
    static SeriesData normalise(DailyQuery query, RawDailyBars raw, long fromMillis, long toMillis) throws Rejected {
        if (raw.symbol() != null && !raw.symbol().equalsIgnoreCase(query.symbol())) {
            throw new Rejected("symbol is '" + raw.symbol() + "', expected '" + query.symbol() + "'");
        }
        if (raw.bars() == null) {
            throw new Rejected("bars is missing, expected an array of bars (empty when there are none)");
        }
        List<RawDailyBars.Bar> bars = raw.bars();
        SeriesBuilder out = SeriesBuilder.ohlcv(fromMillis, toMillis);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < bars.size(); i++) {
            RawDailyBars.Bar bar = bars.get(i);
            String at = "bars[" + i + "]";
            if (bar == null) {
                throw new Rejected(at + " is null, expected an object");
            }
            long time = time(at, bar.date());
            if (time <= previous) {
                throw new Rejected(at + ".date " + bar.date() + " does not come after the date before it"
                        + " (expected ascending dates, one bar per day)");
            }
            previous = time;
            out.add(time, number(at, "open", bar.open()), number(at, "high", bar.high()), number(at, "low", bar.low()),
                    number(at, "close", bar.close()), bar.volume() == null ? Double.NaN : number(at, "volume", bar.volume()));
        }
        return out.build();
    }

    private static long time(String at, String date) throws Rejected {
        if (date == null) {
            throw new Rejected(at + ".date is missing, expected YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(date).toEpochDay() * DailyQuery.DAY_MILLIS;
        } catch (DateTimeParseException e) {
            throw new Rejected(at + ".date is '" + date + "', expected YYYY-MM-DD");
        }
    }

    private static double number(String at, String field, Double value) throws Rejected {
        if (value == null || !Double.isFinite(value)) {
            throw new Rejected(at + "." + field + " is " + (value == null ? "missing" : value)
                    + ", expected a finite number");
        }
        return value;
    }
}
