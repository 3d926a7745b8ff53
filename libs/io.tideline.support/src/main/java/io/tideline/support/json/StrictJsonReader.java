package io.tideline.support.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import io.tideline.support.text.Excerpt;
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
 * Reads a JSON file into a record strictly: an unknown key, a value of the wrong type (no
 * coercion of {@code "5"} to 5 or of 5.5 to 5), trailing tokens, or a value its record's
 * constructor refuses with a {@link JsonValueException} is a {@link JsonFileException} naming the
 * file, the JSON path and what was expected. Immutable and thread-safe.
 *
 * @param <T> the type of the document
 */
public final class StrictJsonReader<T> {

    private static final Pattern MISSING = Pattern.compile("creator property '([^']+)'");
    /** Jackson's words for a key given twice in one object (StreamReadFeature.STRICT_DUPLICATE_DETECTION). */
    private static final String DUPLICATE = "Duplicate field '";

    private final Class<T> type;
    private final String expectedDocument;
    private final String root;
    private final boolean everyKeyRequired;
    private final ObjectReader reader;

    private StrictJsonReader(Class<T> type, String expectedDocument, String root, boolean everyKeyRequired) {
        this.type = type;
        this.expectedDocument = expectedDocument;
        this.root = root;
        this.everyKeyRequired = everyKeyRequired;
        // A key given twice would otherwise be taken silently (the last wins) or, for a record's
        // creator property, reported in Jackson's words with the record's Java class.
        JsonMapper.Builder b = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        if (everyKeyRequired) {
            b.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        }
        JsonMapper mapper = b.build();
        for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape s : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(s, CoercionAction.Fail);
        }
        this.reader = mapper.readerFor(type);
    }

    /**
     * A reader of {@code type} whose JSON paths have no root prefix ({@code steps.macro.days}, the
     * whole file being the empty path) and whose records check missing keys themselves.
     *
     * @param expectedDocument what the document should be, for an empty file: e.g. "a JSON object
     *     with version, steps and regime"
     */
    public static <T> StrictJsonReader<T> of(Class<T> type, String expectedDocument) {
        return new StrictJsonReader<>(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(expectedDocument, "expectedDocument"), "", false);
    }

    /** This reader with JSON paths starting at {@code root}, e.g. {@code $} for {@code $.scenarios[1]}. */
    public StrictJsonReader<T> rootedAt(String root) {
        return new StrictJsonReader<>(type, expectedDocument, Objects.requireNonNull(root, "root"), everyKeyRequired);
    }

    /**
     * This reader refusing a missing or null key of any record constructor ("missing or null;
     * every key is required"), for documents where nothing is optional.
     */
    public StrictJsonReader<T> everyKeyRequired() {
        return new StrictJsonReader<>(type, expectedDocument, root, true);
    }

    /**
     * Reads a document shipped as a resource of {@code loader}; a missing or invalid one is a
     * build error, hence unchecked.
     *
     * @throws IllegalStateException naming the resource, when it is absent or unusable
     */
    public T resource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + resource);
            }
            return read(resource, in);
        } catch (IOException | JsonFileException e) {
            throw new IllegalStateException("the built-in " + resource + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Reads a file; errors name it by its path. */
    public T read(Path file) throws JsonFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new JsonFileException(file.toString(), root, "cannot be read (" + reason(e) + ")", e);
        }
    }

    /** Reads a document from a stream; {@code name} names the file in errors. */
    public T read(String name, InputStream in) throws JsonFileException {
        Objects.requireNonNull(name, "name");
        // The parser is kept so that an error without a place of its own (a StreamReadConstraints
        // limit: a name or number too long, nesting too deep) is placed where the parser stopped.
        JsonParser parser = null;
        try (JsonParser p = reader.createParser(in)) {
            parser = p;
            T value = reader.readValue(p);
            if (value == null) {
                throw new JsonFileException(name, root, "expected " + expectedDocument, null);
            }
            if (p.nextToken() != null) {
                throw new JsonFileException(name, root, at(p.currentLocation())
                        + "expected the end of the document after its value", null);
            }
            return value;
        } catch (JsonParseException e) {
            throwIfDuplicate(name, e);
            throw new JsonFileException(name, root, at(e.getLocation()) + "expected valid JSON ("
                    + words(e.getOriginalMessage()) + ")" + encodingHint(e.getOriginalMessage()), e);
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new JsonFileException(name, path(e), "unknown key; expected one of " + String.join(", ", known), e);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof JsonValueException v) {
                throw new JsonFileException(name, join(path(e), v.field()),
                        "expected " + v.expected() + ", got " + v.actual(), e);
            }
            throw new JsonFileException(name, path(e), "expected a valid value (" + words(e.getOriginalMessage()) + ")",
                    e);
        } catch (MismatchedInputException e) {
            Matcher m = everyKeyRequired ? MISSING.matcher(e.getOriginalMessage()) : null;
            if (m != null && m.find()) {
                String p = path(e);
                String at = p.equals(m.group(1)) || p.endsWith("." + m.group(1)) ? p : join(p, m.group(1));
                throw new JsonFileException(name, at, "missing or null; every key is required", e);
            }
            String got = e instanceof InvalidFormatException f ? ", got " + Excerpt.of(String.valueOf(f.getValue())) : "";
            throw new JsonFileException(name, path(e), "expected " + describe(e.getTargetType()) + got, e);
        } catch (JsonMappingException e) {
            // A repeated key inside a list or a nested record comes wrapped with the mapping path.
            throwIfDuplicate(name, e);
            throw new JsonFileException(name, path(e), "expected a valid value (" + words(e.getOriginalMessage()) + ")",
                    e);
        } catch (JsonProcessingException e) {
            // e.g. a limit of StreamReadConstraints (a name or number too long, nesting too deep)
            JsonLocation where = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
            throw new JsonFileException(name, root, at(where) + "expected valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (java.io.CharConversionException e) {
            // Jackson guesses UTF-16/32 from the first bytes; Tideline's files are UTF-8.
            throw new JsonFileException(name, root, "line 1, column 1: expected UTF-8 JSON text; the first bytes"
                    + " look like another encoding (" + Excerpt.of(e.getMessage(), 200) + "); save it as UTF-8", e);
        } catch (IOException e) {
            throw new JsonFileException(name, root, "cannot be read (" + reason(e) + ")", e);
        }
    }

    /** A key given twice in one object, anywhere in {@code e}'s causes, in words with its JSON path. */
    private void throwIfDuplicate(String name, Throwable e) throws JsonFileException {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException p && p.getOriginalMessage() != null
                    && p.getOriginalMessage().startsWith(DUPLICATE) && p.getProcessor() instanceof JsonParser parser) {
                throw new JsonFileException(name, path(parser.getParsingContext()), at(p.getLocation())
                        + "this key appears twice in its object; expected each key once", e);
            }
        }
    }

    /** Why a file could not be read, in words rather than an exception's class name. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied; check the file's owner and mode";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "input/output error" : Excerpt.of(e.getMessage(), 200);
    }

    /** "line L, column C: ", or nothing when the parser knows no place. */
    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /**
     * Jackson's words, without the names of its switches: {@code NaN} or {@code Infinity} comes as
     * "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow".
     */
    private static String words(String message) {
        Matcher m = message == null ? null : NON_NUMERIC.matcher(message);
        return m != null && m.lookingAt() ? "'" + m.group(1) + "' is not a number in JSON; expected a finite number"
                : message;
    }

    private static final java.util.regex.Pattern NON_NUMERIC = java.util.regex.Pattern.compile(
            "Non-standard token '([^']{0,40})'");

    /** Words for bytes that are not UTF-8, which Jackson reports as "Invalid UTF-8 start byte 0xe9". */
    private static String encodingHint(String message) {
        return message != null && message.contains("Invalid UTF-8")
                ? "; the file is not UTF-8 (it may be Latin-1 or Windows-1252; save it as UTF-8)" : "";
    }

    /** The JSON path of a mapping error: the root, then {@code .field} and {@code [index]} steps. */
    private String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder(root);
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                // An empty key ("") is shown quoted, so that the path still says where.
                b.append(r.getFieldName().isEmpty() ? "\"\"" : Excerpt.of(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /**
     * The JSON path of the parser's place, the root then {@code .field} and {@code [index]} steps,
     * for errors of the parser (which have no mapping path).
     */
    private String path(JsonStreamContext context) {
        List<String> steps = new java.util.ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                steps.add("." + (c.getCurrentName().isEmpty() ? "\"\"" : Excerpt.of(c.getCurrentName())));
            }
        }
        StringBuilder b = new StringBuilder(root);
        for (int i = steps.size() - 1; i >= 0; i--) {
            String step = steps.get(i);
            b.append(b.isEmpty() && step.startsWith(".") ? step.substring(1) : step);
        }
        return b.toString();
    }

    /** A record's path followed by a field relative to it, which may start with an index. */
    private static String join(String path, String field) {
        if (path.isEmpty()) {
            return field;
        }
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
