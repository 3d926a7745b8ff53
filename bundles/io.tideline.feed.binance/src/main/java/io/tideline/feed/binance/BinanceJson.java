package io.tideline.feed.binance;

import static io.tideline.feed.http.JsonErrors.at;
import static io.tideline.feed.http.JsonErrors.firstLine;
import static io.tideline.feed.http.JsonErrors.path;
import static io.tideline.feed.http.JsonErrors.where;

import io.tideline.api.series.SeriesBuilder;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.Printable;
import io.tideline.feed.http.Redaction;

/**
 * Reads Binance's JSON answers into columns: klines, funding-rate history, open-interest history,
 * error documents and {@code forceOrder} stream messages. All or nothing per page, with a message
 * naming the series, the URL and the JSON path (line and column) of the first problem.
 */
final class BinanceJson {

    // Thread-safe once configured; shared by every parse.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    /**
     * One kline, an array as Binance documents it: {@code [openTime, "open", "high", "low", "close",
     * "volume", closeTime, "quoteVolume", trades, "takerBuyBase", "takerBuyQuote", "ignore"]}.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"openTime", "open", "high", "low", "close", "volume", "closeTime", "quoteVolume", "trades",
            "takerBuyBase", "takerBuyQuote", "ignore"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Kline(long openTime, String open, String high, String low, String close, String volume, long closeTime,
            String quoteVolume, long trades, String takerBuyBase, String takerBuyQuote, String ignore) {
    }

    /** One funding event of {@code fapi/v1/fundingRate}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FundingRate(String symbol, long fundingTime, String fundingRate, String markPrice) {
    }

    /** One point of {@code futures/data/openInterestHist}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpenInterest(String symbol, String sumOpenInterest, String sumOpenInterestValue, long timestamp) {
    }

    /** Binance's error document, e.g. {@code {"code":-1121,"msg":"Invalid symbol."}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApiError(Integer code, String msg) {
    }

    /** A {@code forceOrder} stream message: {@code {"e":"forceOrder","E":ms,"o":{...}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ForceOrderEvent(@JsonProperty("e") String type, @JsonProperty("E") long eventTime,
            @JsonProperty("o") ForceOrder order) {
    }

    /** The liquidation order of a {@code forceOrder} message; quantities and prices are decimal strings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ForceOrder(@JsonProperty("s") String symbol, @JsonProperty("S") String side,
            @JsonProperty("q") String quantity, @JsonProperty("p") String price,
            @JsonProperty("ap") String averagePrice, @JsonProperty("X") String status,
            @JsonProperty("l") String lastFilledQuantity, @JsonProperty("z") String filledQuantity,
            @JsonProperty("T") long tradeTime) {
    }

    /**
     * A liquidation as Tideline counts it.
     *
     * @param symbol the perpetual
     * @param longPosition whether a long position was liquidated (a SELL order); else a short (BUY)
     * @param notional filled quantity times average price, in the quote currency (USD for USDT pairs)
     * @param tradeTime when it traded, epoch ms UTC
     */
    record Liquidation(String symbol, boolean longPosition, double notional, long tradeTime) {
    }

    /**
     * What one page held.
     *
     * @param count how many records the page held, kept or not
     * @param lastTime the time of its last record, or {@link Long#MIN_VALUE} if it held none
     */
    record Page(int count, long lastTime) {
    }

    private BinanceJson() {
    }

    /** Adds the klines of a page whose open time lies in the range; times must increase across pages. */
    static Page klines(SeriesId series, String body, String url, long fromMillis, long toMillis, SeriesBuilder out)
            throws FeedException {
        Kline[] klines = read(series, body, url, Kline[].class, "kline arrays");
        long previous = out.lastTime();
        for (int i = 0; i < klines.length; i++) {
            Kline k = klines[i];
            if (k == null) {
                throw bad(series, url, "[" + i + "] is null, expected a kline array", false);
            }
            if (k.openTime() <= previous) {
                throw bad(series, url, "[" + i + "][0] (open time) is " + k.openTime()
                        + ", which does not come after the kline before (" + previous + ")", false);
            }
            previous = k.openTime();
            if (k.openTime() >= fromMillis && k.openTime() <= toMillis) {
                out.add(k.openTime(), decimal(series, url, i, "[1] (open)", k.open()),
                        decimal(series, url, i, "[2] (high)", k.high()), decimal(series, url, i, "[3] (low)", k.low()),
                        decimal(series, url, i, "[4] (close)", k.close()),
                        decimal(series, url, i, "[5] (volume)", k.volume()));
            }
        }
        return new Page(klines.length, klines.length == 0 ? Long.MIN_VALUE : klines[klines.length - 1].openTime());
    }

    /** Adds the funding rates of a page whose funding time lies in the range. */
    static Page fundingRates(SeriesId series, String body, String url, long fromMillis, long toMillis,
            SeriesBuilder out) throws FeedException {
        FundingRate[] rates = read(series, body, url, FundingRate[].class, "funding-rate objects");
        long previous = out.lastTime();
        for (int i = 0; i < rates.length; i++) {
            FundingRate r = rates[i];
            if (r == null || r.fundingRate() == null) {
                throw bad(series, url, "[" + i + "] lacks 'fundingRate'", false);
            }
            if (r.fundingTime() <= previous) {
                throw bad(series, url, "[" + i + "].fundingTime is " + r.fundingTime()
                        + ", which does not come after the event before (" + previous + ")", false);
            }
            previous = r.fundingTime();
            if (r.fundingTime() >= fromMillis && r.fundingTime() <= toMillis) {
                out.add(r.fundingTime(), decimal(series, url, i, ".fundingRate", r.fundingRate()));
            }
        }
        return new Page(rates.length, rates.length == 0 ? Long.MIN_VALUE : rates[rates.length - 1].fundingTime());
    }

    /** Adds the open interest in USD ({@code sumOpenInterestValue}) of a page whose time lies in the range. */
    static Page openInterest(SeriesId series, String body, String url, long fromMillis, long toMillis,
            SeriesBuilder out) throws FeedException {
        OpenInterest[] points = read(series, body, url, OpenInterest[].class, "open-interest objects");
        long previous = out.lastTime();
        for (int i = 0; i < points.length; i++) {
            OpenInterest p = points[i];
            if (p == null || p.sumOpenInterestValue() == null) {
                throw bad(series, url, "[" + i + "] lacks 'sumOpenInterestValue'", false);
            }
            if (p.timestamp() <= previous) {
                throw bad(series, url, "[" + i + "].timestamp is " + p.timestamp()
                        + ", which does not come after the point before (" + previous + ")", false);
            }
            previous = p.timestamp();
            if (p.timestamp() >= fromMillis && p.timestamp() <= toMillis) {
                out.add(p.timestamp(), decimal(series, url, i, ".sumOpenInterestValue", p.sumOpenInterestValue()));
            }
        }
        return new Page(points.length, points.length == 0 ? Long.MIN_VALUE : points[points.length - 1].timestamp());
    }

    /** Binance's error document in a body, or {@code null} if the body is not one. */
    static ApiError apiError(String body) {
        String text = body == null ? "" : body.strip();
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            ApiError error = MAPPER.readValue(text, ApiError.class);
            return error == null || error.code() == null ? null : error;
        } catch (JsonProcessingException e) {
            return null; // not Binance's error document: the caller reports the answer as it is
        }
    }

    /**
     * Reads a {@code forceOrder} message.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    static Liquidation liquidation(String message) {
        ForceOrderEvent event;
        try {
            event = MAPPER.readValue(message, ForceOrderEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the forceOrder message is not the documented JSON"
                    + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()), e);
        }
        if (event == null || !"forceOrder".equals(event.type()) || event.order() == null) {
            throw new IllegalArgumentException("the message is not a forceOrder event (expected \"e\":\"forceOrder\" "
                    + "and an \"o\" object)");
        }
        ForceOrder o = event.order();
        boolean longPosition;
        if ("SELL".equals(o.side())) {
            longPosition = true; // the exchange sells a long position it liquidates
        } else if ("BUY".equals(o.side())) {
            longPosition = false;
        } else {
            throw new IllegalArgumentException("o.S is '" + Printable.shortened(o.side(), 80) + "', expected SELL or BUY");
        }
        double filled = streamDecimal("o.z", o.filledQuantity());
        double price = streamDecimal("o.ap", o.averagePrice());
        return new Liquidation(o.symbol(), longPosition, filled * price, o.tradeTime());
    }

    private static double streamDecimal(String path, String text) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (Double.isFinite(v) && v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the path and what was expected
        }
        throw new IllegalArgumentException(path + " is '" + Printable.shortened(text, 80) + "', expected a non-negative decimal number");
    }

    private static <T> T read(SeriesId series, String body, String url, Class<T> type, String what)
            throws FeedException {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw bad(series, url, "the body is JSON null, expected an array of " + what, false);
            }
            return value;
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JsonEOFException eof) {
                    throw bad(series, url, "the JSON ended early" + at(eof.getLocation()) + " (expected the rest of "
                            + "the array of " + what + "; the answer may have been cut off)", true, e);
                }
            }
            if (e instanceof MismatchedInputException m) {
                throw bad(series, url, "the JSON has the wrong shape at " + path(m) + where(m.getLocation()) + ": "
                        + firstLine(m.getOriginalMessage()) + " (expected an array of " + what + ")", false, e);
            }
            throw bad(series, url, "the body is not valid JSON" + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()), false, e);
        }
    }

    private static double decimal(SeriesId series, String url, int index, String field, String text)
            throws FeedException {
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the path and what was expected
        }
        throw bad(series, url, "[" + index + "]" + field + " is " + (text == null ? "null" : "'"
                + Printable.shortened(Redaction.redact(text), 80) + "'") + ", expected a decimal number", false);
    }

    private static FeedException bad(SeriesId series, String url, String what, boolean retryable) {
        return bad(series, url, what, retryable, null);
    }

    private static FeedException bad(SeriesId series, String url, String what, boolean retryable, Throwable cause) {
        return new FeedException(series, "Binance answered HTTP 200 from " + url + " but " + what, retryable, cause);
    }
}
