package io.tideline.regime;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rules strictly: an unknown key, a value of the wrong type (no coercion of {@code "5"} to
 * 5 or 5.5 to 5), a missing key or an out-of-range value is a {@link RulesException} naming the
 * file, the JSON path and what was expected. Thread-safe.
 */
final class RulesLoader {

    /** The bundle resource holding the defaults. */
    static final String DEFAULTS = "rules/default-rules.json";

    private static final Pattern MISSING = Pattern.compile("creator property '([^']+)'");

    private static final ObjectReader READER;

    static {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
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
        READER = mapper.readerFor(Rules.class);
    }

    private RulesLoader() {
    }

    /** The defaults shipped in the bundle. */
    static Rules defaults() {
        try (InputStream in = RulesLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + DEFAULTS);
            }
            return read(DEFAULTS, in);
        } catch (IOException | RulesException e) {
            // The defaults ship with the bundle and are tested: failing here is a build error.
            throw new IllegalStateException("the built-in " + DEFAULTS + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Reads a rules file. */
    static Rules read(Path file) throws RulesException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new RulesException(file.toString(), "", "cannot be read (" + e + ")", e);
        }
    }

    /** Reads rules from a stream; {@code name} names the file in errors. */
    static Rules read(String name, InputStream in) throws RulesException {
        Objects.requireNonNull(name, "name");
        try {
            Rules rules = READER.readValue(in);
            if (rules == null) {
                throw new RulesException(name, "", "expected a JSON object with version, steps and regime", null);
            }
            return rules;
        } catch (JsonParseException e) {
            throw new RulesException(name, "", "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": expected valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new RulesException(name, path(e), "unknown key; expected one of " + String.join(", ", known), e);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof RuleValueException v) {
                throw new RulesException(name, join(path(e), v.field()), "expected " + v.expected() + ", got "
                        + v.getMessage().substring(v.getMessage().lastIndexOf(", got ") + 6), e);
            }
            throw new RulesException(name, path(e), "expected a valid value (" + e.getOriginalMessage() + ")", e);
        } catch (MismatchedInputException e) {
            Matcher m = MISSING.matcher(e.getOriginalMessage());
            if (m.find()) {
                String p = path(e);
                String at = p.equals(m.group(1)) || p.endsWith("." + m.group(1)) ? p : join(p, m.group(1));
                throw new RulesException(name, at, "missing or null; every key is required", e);
            }
            String got = e instanceof InvalidFormatException f ? ", got " + f.getValue() : "";
            throw new RulesException(name, path(e), "expected " + describe(e.getTargetType()) + got, e);
        } catch (JsonMappingException e) {
            throw new RulesException(name, path(e), "expected a valid value (" + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new RulesException(name, "", "expected valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new RulesException(name, "", "cannot be read (" + e + ")", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
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
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}
