package io.tideline.example.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Step 2 of 3, the raw extract: the service's answer exactly as it documents it, read by Jackson.
 * Nothing is interpreted here (dates stay text, numbers may be missing); {@link DailyBars} does
 * that, so a malformed answer and a surprising one get different, precise messages.
 *
 * <pre>{@code
 * {"symbol": "ACME", "bars": [{"date": "2026-02-02", "open": 101.2, "high": 103.0,
 *                               "low": 100.5, "close": 102.4, "volume": 1250000}, ...]}
 * }</pre>
 *
 * @param symbol the symbol the service answered for
 * @param bars the bars, oldest first, or {@code null} when the answer has none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RawDailyBars(String symbol, List<Bar> bars) {

    /** One bar as the service sends it; any part may be missing ({@code null}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bar(String date, Double open, Double high, Double low, Double close, Double volume) {
    }

    private static final String TOP = "the top level";

    // Thread-safe once configured; shared by every fetch. Trailing tokens mean a broken answer.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    /** Why an answer could not be read: where in the JSON, and whether asking again may help. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        Unreadable(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /**
     * Reads an answer.
     *
     * @throws Unreadable saying what is wrong at which JSON path (e.g. {@code bars[3].close}), and
     *         the line and column for a syntax error; never a Java class name
     */
    static RawDailyBars read(String body) throws Unreadable {
        try {
            RawDailyBars raw = MAPPER.readValue(body, RawDailyBars.class);
            if (raw == null) {
                throw new Unreadable("the body is JSON null, expected an object with a 'bars' array", false, null);
            }
            return raw;
        } catch (InvalidFormatException e) {
            throw new Unreadable(path(e) + " is '" + e.getValue() + "', expected " + expected(e.getTargetType()),
                    false, e);
        } catch (MismatchedInputException e) {
            throw new Unreadable(path(e) + " has the wrong type, expected " + expected(e.getTargetType()), false, e);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
    }

    /**
     * A syntax error, found by the parser (inside a record, Jackson wraps it in a mapping error).
     * The parser's own nesting says most precisely where it stopped.
     */
    private static Unreadable syntax(JsonProcessingException e) {
        StreamReadException parse = null;
        for (Throwable t = e; t != null && parse == null; t = t.getCause()) {
            parse = t instanceof StreamReadException s ? s : null;
        }
        if (parse == null) {
            return new Unreadable("the body could not be read as JSON: " + firstLine(e.getOriginalMessage()), false, e);
        }
        String path = path(parse);
        if (path.equals(TOP) && e instanceof JsonMappingException m) {
            path = path(m);
        }
        String where = parse.getLocation() == null ? ""
                : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
        if (parse instanceof JsonEOFException) {
            // A cut-off answer is usually the network's doing: the next run may get it whole.
            return new Unreadable("the JSON ends early inside " + path + where + "; the answer looks cut off", true, e);
        }
        return new Unreadable("the body is not valid JSON at " + path + where + ": "
                + firstLine(parse.getOriginalMessage()), false, e);
    }

    /** The JSON path of a mapping error, e.g. {@code bars[3].close}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? TOP : path.toString();
    }

    /** The JSON path where the parser stopped, from its nesting of objects and arrays. */
    private static String path(StreamReadException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return TOP;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? TOP : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String expected(Class<?> type) {
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        return List.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
