package io.tideline.feed.yahoo;

import static io.tideline.feed.http.JsonErrors.at;
import static io.tideline.feed.http.JsonErrors.firstLine;
import static io.tideline.feed.http.JsonErrors.path;
import static io.tideline.feed.http.JsonErrors.where;

import io.tideline.api.series.SeriesBuilder;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.feed.http.Printable;
import io.tideline.feed.http.Redaction;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the JSON of Yahoo's {@code v8/finance/chart} into OHLCV {@link SeriesData}: all or
 * nothing, with a message naming the series, the URL and the JSON path (line and column) of the
 * first problem. A bar whose close is {@code null} (Yahoo's placeholder for a missing bar) is
 * left out; other {@code null} prices of a bar become {@link Double#NaN}.
 *
 * <p>Bar times: an hourly bar keeps its UTC timestamp (the start of the bar, e.g. 13:30Z for the
 * bar opening at 09:30 New York time). A daily bar is stamped at midnight UTC of the exchange's
 * local trading date, found with {@code meta.exchangeTimezoneName} (else the fixed
 * {@code meta.gmtoffset}): Yahoo stamps a daily bar with the session's opening time, so a
 * timestamp of 14:30Z for a New York listing is that same date, while one of 00:00Z for a Tokyo
 * listing (09:00 in Tokyo) is also that date, never the day before.
 */
final class YahooJson {

    // Thread-safe once configured; shared by every parse.
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds: the times a bar may have. */
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    /** The document, as Yahoo sends it; fields Tideline does not use are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Chart chart) {
    }

    /** {@code chart}: one result, or an error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chart(List<Result> result, ChartError error) {
    }

    /** {@code chart.error}, e.g. {@code {"code":"Not Found","description":"No data found, symbol may be delisted"}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChartError(String code, String description) {
    }

    /** {@code chart.result[0]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(Meta meta, long[] timestamp, Indicators indicators) {
    }

    /** {@code chart.result[0].meta}; only what places the bars in time is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(String symbol, String currency, String exchangeTimezoneName, Integer gmtoffset,
            String dataGranularity) {
    }

    /** {@code chart.result[0].indicators}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Indicators(List<Quote> quote) {
    }

    /** {@code chart.result[0].indicators.quote[0]}: one column per field, {@code null} for a missing value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quote(@JsonDeserialize(using = NullableDoubles.class) double[] open,
            @JsonDeserialize(using = NullableDoubles.class) double[] high,
            @JsonDeserialize(using = NullableDoubles.class) double[] low,
            @JsonDeserialize(using = NullableDoubles.class) double[] close,
            @JsonDeserialize(using = NullableDoubles.class) double[] volume) {
    }

    /** Reads a JSON array of numbers and {@code null}s into a {@code double[]}, {@code null} as NaN, unboxed. */
    static final class NullableDoubles extends StdDeserializer<double[]> {

        private static final long serialVersionUID = 1L;

        NullableDoubles() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            double[] values = new double[64];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                double v;
                if (t == JsonToken.VALUE_NULL) {
                    v = Double.NaN;
                } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    v = p.getDoubleValue();
                } else {
                    return (double[]) ctxt.handleUnexpectedToken(double[].class, t, p,
                            "element [%d] is %s, expected a number or null", n, t);
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = v;
            }
            return Arrays.copyOf(values, n);
        }
    }

    private YahooJson() {
    }

    /**
     * Parses a 200 answer.
     *
     * @param url the URL it came from, already redacted
     * @throws FeedException naming the series, the URL and what was wrong; not retryable when
     *         Yahoo answered with {@code chart.error}
     */
    static SeriesData parse(SeriesId series, String symbol, Timeframe timeframe, String body, String url,
            long fromMillis, long toMillis) throws FeedException {
        Envelope doc;
        try {
            doc = MAPPER.readValue(body, Envelope.class);
        } catch (JsonProcessingException e) {
            throw problem(series, url, e);
        }
        if (doc == null || doc.chart() == null) {
            throw bad(series, url, "the JSON has no 'chart' object (expected Yahoo's v8 chart document)", false, null);
        }
        if (doc.chart().error() != null) {
            throw refused(series, symbol, doc.chart().error(), "HTTP 200 from " + url);
        }
        List<Result> results = doc.chart().result();
        if (results == null || results.isEmpty() || results.get(0) == null) {
            throw bad(series, url, "chart.result is empty and chart.error is null (expected one result)", false, null);
        }
        Result result = results.get(0);
        if (result.meta() == null) {
            throw bad(series, url, "chart.result[0] has no 'meta' object", false, null);
        }
        long[] stamps = result.timestamp();
        SeriesBuilder bars = SeriesBuilder.ohlcv(fromMillis, toMillis);
        if (stamps == null || stamps.length == 0) {
            return bars.build(); // Yahoo leaves out 'timestamp' when the range holds no bar
        }
        Quote quote = result.indicators() == null || result.indicators().quote() == null
                || result.indicators().quote().isEmpty() ? null : result.indicators().quote().get(0);
        String q = "chart.result[0].indicators.quote[0]";
        if (quote == null) {
            throw bad(series, url, q + " is missing, but chart.result[0].timestamp holds " + stamps.length
                    + " bars", false, null);
        }
        double[] open = column(series, url, q + ".open", quote.open(), stamps.length);
        double[] high = column(series, url, q + ".high", quote.high(), stamps.length);
        double[] low = column(series, url, q + ".low", quote.low(), stamps.length);
        double[] close = column(series, url, q + ".close", quote.close(), stamps.length);
        double[] volume = column(series, url, q + ".volume", quote.volume(), stamps.length);
        TradingDates dates = timeframe == Timeframe.D1 ? new TradingDates(zone(series, url, result.meta())) : null;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < stamps.length; i++) {
            if (stamps[i] <= previous) {
                throw bad(series, url, "chart.result[0].timestamp[" + i + "] is " + stamps[i]
                        + ", which does not come after the one before (" + previous + "); expected ascending times",
                        false, null);
            }
            previous = stamps[i];
            // A time past year 9999 would overflow the milliseconds or leave java.time's range.
            if (stamps[i] < MIN_SECONDS || stamps[i] > MAX_SECONDS) {
                throw bad(series, url, "chart.result[0].timestamp[" + i + "] is " + stamps[i]
                        + ", expected Unix seconds between years 1 and 9999", false, null);
            }
            if (Double.isNaN(close[i])) {
                continue; // a placeholder bar: Yahoo has no trade for it
            }
            long t = dates == null ? stamps[i] * 1000L : dates.midnightUtcOfLocalDate(stamps[i]);
            bars.add(t, open[i], high[i], low[i], close[i], volume[i]);
        }
        return bars.build();
    }

    private static double[] column(SeriesId series, String url, String path, double[] values, int bars)
            throws FeedException {
        if (values == null) {
            if (path.endsWith(".close")) {
                throw bad(series, url, path + " is missing (expected one close per timestamp)", false, null);
            }
            double[] missing = new double[bars];
            Arrays.fill(missing, Double.NaN);
            return missing;
        }
        if (values.length != bars) {
            throw bad(series, url, path + " holds " + values.length + " values for " + bars
                    + " timestamps (expected one per timestamp)", false, null);
        }
        return values;
    }

    private static ZoneId zone(SeriesId series, String url, Meta meta) throws FeedException {
        if (meta.exchangeTimezoneName() != null && !meta.exchangeTimezoneName().isBlank()) {
            try {
                return ZoneId.of(meta.exchangeTimezoneName());
            } catch (DateTimeException e) {
                // Fall back to the fixed offset below: it still gives the right date for a session's open.
            }
        }
        if (meta.gmtoffset() != null) {
            try {
                return ZoneOffset.ofTotalSeconds(meta.gmtoffset());
            } catch (DateTimeException e) {
                throw bad(series, url, "chart.result[0].meta.gmtoffset is " + meta.gmtoffset()
                        + ", expected seconds between -64800 and 64800", false, e);
            }
        }
        throw bad(series, url, "chart.result[0].meta has neither 'exchangeTimezoneName' nor 'gmtoffset', which "
                + "place a daily bar on its trading date", false, null);
    }

    /**
     * Reads {@code chart.error} out of an error answer's body (Yahoo sends it with HTTP 404 for an
     * unknown symbol and 400/422 for a request it refuses), or {@code null} if the body is not one.
     */
    static ChartError errorOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Envelope doc = MAPPER.readValue(body, Envelope.class);
            return doc == null || doc.chart() == null ? null : doc.chart().error();
        } catch (JsonProcessingException e) {
            return null; // not Yahoo's error document: the caller reports the HTTP failure as it is
        }
    }

    /** Yahoo's own refusal: not retryable, naming the symbol and Yahoo's words. */
    static FeedException refused(SeriesId series, String symbol, ChartError error, String how) {
        return new FeedException(series, refusal(symbol, error, how), false, null);
    }

    /** The words of {@link #refused}: the symbol, Yahoo's code and description, and what to check. */
    static String refusal(String symbol, ChartError error, String how) {
        // The server's words are quoted, not trusted: a long code or description is cut to 80/300
        // characters and control characters are made visible (Printable).
        String code = error.code() == null ? "" : Printable.shortened(error.code(), 80);
        String description = error.description() == null ? "" : Printable.shortened(error.description(), 300);
        return "Yahoo Finance has no data for the symbol '" + symbol + "': " + code
                + (code.isEmpty() || description.isEmpty() ? "" : " - ") + Redaction.redact(description)
                + " (answered " + how + "); check the symbol on https://finance.yahoo.com and the settings of "
                + YahooConnector.PID;
    }

    /** What is wrong with a body Jackson could not read: cut off, of the wrong shape, or not JSON. */
    private static FeedException problem(SeriesId series, String url, JsonProcessingException e) {
        // A column read by NullableDoubles hits the end of a cut-off body inside its own loop; Jackson
        // then wraps the JsonEOFException into a mapping exception carrying the path.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException eof) {
                return bad(series, url, "the JSON ended early" + at(eof.getLocation())
                        + " (expected the rest of the chart document; the answer may have been cut off)", true, e);
            }
        }
        if (e instanceof MismatchedInputException m) {
            return bad(series, url, "the JSON has the wrong shape at " + path(m) + where(m.getLocation()) + ": "
                    + firstLine(m.getOriginalMessage()), false, e);
        }
        return bad(series, url, "the body is not valid JSON" + where(e.getLocation()) + ": "
                + firstLine(e.getOriginalMessage()), false, e);
    }

    static FeedException bad(SeriesId series, String url, String what, boolean retryable, Throwable cause) {
        return new FeedException(series, "Yahoo Finance answered HTTP 200 from " + url + " but " + what, retryable,
                cause);
    }
}
