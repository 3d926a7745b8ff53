package io.tideline.scenario;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads scenario packs strictly: an unknown key, a value of the wrong type (no coercion of
 * {@code "5"} to 5), a missing required key or an out-of-range value is a {@link PackException}
 * naming the file, the JSON path ({@code $.scenarios[1].conditions[0].threshold}) and what was
 * expected. Thread-safe.
 */
final class PackLoader {

    /** The bundle resource holding the default pack. */
    static final String DEFAULTS = "packs/default-scenarios.json";

    private static final ObjectReader READER;

    static {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape s : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(s, CoercionAction.Fail);
        }
        READER = mapper.readerFor(Pack.class);
    }

    private PackLoader() {
    }

    /** The default pack shipped in the bundle. */
    static Pack defaults() {
        try (InputStream in = PackLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + DEFAULTS);
            }
            return read(DEFAULTS, in);
        } catch (IOException | PackException e) {
            // The default ships with the bundle and is tested: failing here is a build error.
            throw new IllegalStateException("the built-in " + DEFAULTS + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Reads a pack file. */
    static Pack read(Path file) throws PackException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new PackException(file.toString(), "$", "cannot be read (" + e + ")", e);
        }
    }

    /** Reads a pack from a stream; {@code name} names the file in errors. */
    static Pack read(String name, InputStream in) throws PackException {
        Objects.requireNonNull(name, "name");
        try {
            Pack pack = READER.readValue(in);
            if (pack == null) {
                throw new PackException(name, "$", "expected a JSON object with version, name, scenarios and analogues",
                        null);
            }
            return pack;
        } catch (JsonParseException e) {
            throw new PackException(name, "$", "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": expected valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new PackException(name, path(e), "unknown key; expected one of " + String.join(", ", known), e);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof PackValueException v) {
                String msg = v.getMessage();
                throw new PackException(name, join(path(e), v.field()), "expected " + v.expected() + ", got "
                        + msg.substring(msg.lastIndexOf(", got ") + 6), e);
            }
            throw new PackException(name, path(e), "expected a valid value (" + e.getOriginalMessage() + ")", e);
        } catch (MismatchedInputException e) {
            String got = e instanceof InvalidFormatException f ? ", got " + f.getValue() : "";
            throw new PackException(name, path(e), "expected " + describe(e.getTargetType()) + got, e);
        } catch (JsonMappingException e) {
            throw new PackException(name, path(e), "expected a valid value (" + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new PackException(name, "$", "expected valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new PackException(name, "$", "cannot be read (" + e + ")", e);
        }
    }

    /** The JSON path of a mapping error, {@code $} for the root. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String join(String path, String field) {
        return field.startsWith("[") ? path + field : path + "." + field;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}
