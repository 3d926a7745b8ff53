package io.tideline.feed.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/**
 * Words for a JSON answer that could not be read, shared by the connectors: the JSON path of a
 * mapping error (e.g. {@code observations[20].value}), its line and column, and the first line of
 * a parser message with secrets redacted.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The JSON path of a mapping error, e.g. {@code chart.result[0].timestamp}, or "the top level". */
    public static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + Printable.shortened(r.getFieldName(), 80)
                        : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return p.isEmpty() ? "the top level" : p.substring(p.startsWith(".") ? 1 : 0);
    }

    /** " at line L, column C", or nothing when the location is unknown. */
    public static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** " (line L, column C)", or nothing when the location is unknown. */
    public static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The first line of a message, stripped, redacted and {@link Printable printable} (a parser quotes the answer). */
    public static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return Printable.of(Redaction.redact(javaTypesInWords(nl < 0 ? m : m.substring(0, nl))));
    }

    /**
     * Jackson says what it wanted in Java types ("Cannot deserialize value of type
     * `io.tideline.feed.binance.BinanceJson$OpenInterest[]` from Object value (token
     * `JsonToken.START_OBJECT`)"); the user gets what was found, the path saying where.
     */
    static String javaTypesInWords(String message) {
        return message.replaceAll("Cannot deserialize value of type `[^`]*` from (\\w+) value \\(token `[^`]*`\\)",
                        "unexpected $1 value").replaceAll("Cannot deserialize value of type `[^`]*` from ", "unexpected ")
                .replaceAll("`(java|io\\.tideline)\\.[^`]*`", "the expected type")
                .replaceAll(" \\(class (java|io\\.tideline)\\.[\\w.$]+\\)", "");
    }
}
