package io.tideline.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tideline.api.series.SeriesId;
import io.tideline.api.workspace.Roles;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The format of {@code roles.json}: <pre>{"version": 1, "roles": {"us10y": "fred:DGS10", ...}}</pre>
 * Read strictly (unknown keys, wrong types and bad role or series names are errors naming the
 * file, the line or field, and what was expected). Where the file lives, how it is written and
 * what happens when it cannot be read is {@link RolesOnDisk}'s business.
 *
 * @param version the file format version, 1
 * @param roles role name to series id text
 */
record RolesFile(int version, Map<String, String> roles) {

    static final int VERSION = 1;

    /** Jackson's words for a key given twice in one object (STRICT_DUPLICATE_DETECTION). */
    private static final String DUPLICATE = "Duplicate field '";

    // A key given twice would otherwise be taken silently (the last wins) or, for "version" (a
    // creator property of this record), reported in Jackson's words with the record's Java class.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    RolesFile {
        // Kept with null values, which bindings() refuses naming the role (Map.copyOf would throw
        // a bare NullPointerException inside Jackson).
        roles = roles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** The bindings as typed values, sorted by role. */
    Map<String, SeriesId> bindings(Path file) throws IOException {
        if (version != VERSION) {
            throw new IOException(file + ": version " + version + " is not " + VERSION
                    + (version > VERSION ? " (written by a newer Tideline)" : ""));
        }
        Map<String, SeriesId> out = new TreeMap<>();
        for (Map.Entry<String, String> e : roles.entrySet()) {
            try {
                Roles.check(e.getKey());
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("expected a series id, not null");
                }
                out.put(e.getKey(), SeriesId.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ": roles." + shortened(e.getKey(), 80) + ": " + bad.getMessage(), bad);
            }
        }
        return out;
    }

    static RolesFile read(Path file) throws IOException {
        // Jackson decodes the bytes itself, so that a byte that is not UTF-8 is an error with a
        // line and column, not the decoder's bare "Input length = 1".
        byte[] bytes = Files.readAllBytes(file);
        try (JsonParser parser = JSON.createParser(bytes)) {
            try {
                RolesFile parsed = JSON.readValue(parser, RolesFile.class);
                if (parsed == null) {
                    throw new IOException(file + ": empty file");
                }
                return parsed;
            } catch (JsonProcessingException e) {
                // A stream limit (a number of over 1,000 digits) comes without a location: the place
                // is then where the parser stopped.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                String why = e.getOriginalMessage().replaceAll(" \\(class [\\w.$]+\\)", "");
                // Jackson says what it wanted in Java types; the user gets the JSON path and words.
                if (e.getOriginalMessage().startsWith(DUPLICATE)) {
                    why = "key '" + shortened(parser.currentName(), 80)
                            + "' appears twice in its object; expected each key once";
                } else if (e instanceof UnrecognizedPropertyException u) {
                    why = "unknown key '" + shortened(u.getPropertyName(), 80) + "' (expected version and roles)";
                } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
                    why = "at " + path(m) + ": expected " + expected(m.getTargetType()) + ", found "
                            + found(parser.currentToken());
                }
                throw new IOException(file + ": " + shortened(why, 300) + " (line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + ")", e);
            }
        } catch (CharConversionException e) {
            // Jackson guesses UTF-32 from the first bytes (such as C3 00 00 00) and then fails in its
            // own words, without the file: its decoder while reading, or already when it creates the
            // parser (00 00 6C 00, "Unsupported UCS-4 endianness"). roles.json is written as UTF-8.
            throw new IOException(file + ": expected UTF-8 JSON text; the first bytes look like UTF-32 ("
                    + shortened(e.getMessage(), 200) + "); save it as UTF-8 (line 1, column 1)", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            out.append(r.getFieldName() != null ? "." + shortened(r.getFieldName(), 80) : "[" + r.getIndex() + "]");
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a series id in quotes";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        return Map.class.isAssignableFrom(type) ? "an object of role: series id" : "an object {version, roles}";
    }

    private static String found(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    /** {@code text} up to {@code max} characters, with its full length said when cut. */
    private static String shortened(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, max) + "… (" + String.format("%,d", text.length()) + " characters)";
    }

    /** The bindings of {@code file}, or an error naming the file, the line or field and the fault. */
    static Map<String, SeriesId> load(Path file) throws IOException {
        return read(file).bindings(file);
    }

    /** The file's text for these bindings. */
    static byte[] json(Map<String, SeriesId> bindings) throws IOException {
        Map<String, String> text = new TreeMap<>();
        bindings.forEach((role, id) -> text.put(role, id.toString()));
        return JSON.writeValueAsBytes(new RolesFile(VERSION, text));
    }
}
