package io.tideline.feed.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A connector's configuration as ConfigAdmin hands it to the component, read so that a refused
 * value says where it was set (the {@code .cfg} file FileInstall read, else the PID), the key,
 * the value and what was expected, instead of a coercion error deep in SCR.
 *
 * <p>Typed values still come from the component's configuration annotation (which holds the
 * defaults and the settings form); this class catches what the annotation cannot coerce
 * ({@code timeoutSeconds=abc}) and checks ranges and URLs. Immutable and thread-safe.
 *
 * @since 1.1
 */
public final class ConfigValues {

    /** The property FileInstall sets to the URL of the {@code .cfg} file a configuration came from. */
    public static final String FILE_PROPERTY = "felix.fileinstall.filename";

    /** The longest base URL accepted; longer ones are refused without being echoed whole. */
    public static final int MAX_URL_CHARS = 2048;

    private final String pid;
    private final Map<String, ?> properties;
    private final String source;

    private ConfigValues(String pid, Map<String, ?> properties) {
        this.pid = Objects.requireNonNull(pid, "pid");
        this.properties = properties == null ? Map.of() : properties;
        this.source = sourceOf(pid, this.properties.get(FILE_PROPERTY));
    }

    /** The values of the configuration {@code pid}, as passed to the component's constructor. */
    public static ConfigValues of(String pid, Map<String, ?> properties) {
        return new ConfigValues(pid, properties);
    }

    /** Where the configuration comes from: the {@code .cfg} file's path, or "the configuration PID". */
    public String source() {
        return source;
    }

    /**
     * A whole number from the annotation ({@code typed}), refused unless it coerces and lies in
     * [{@code min}, {@code max}].
     *
     * @param unit what it counts, e.g. "seconds"
     */
    public int integer(String key, IntSupplier typed, int min, int max, String unit) {
        String expected = "a whole number of " + unit + " from " + min + " to " + max;
        int value;
        try {
            value = typed.getAsInt();
        } catch (RuntimeException e) {
            throw reject(key, properties.get(key), expected);
        }
        if (value < min || value > max) {
            Object raw = properties.get(key);
            throw reject(key, raw == null ? value : raw, expected);
        }
        return value;
    }

    /**
     * A base URL (see {@link BaseUrls}), refused when longer than {@value #MAX_URL_CHARS}
     * characters, not absolute or of another scheme.
     */
    public URI url(String key, String text, String example, String... schemes) {
        String expected = "an absolute " + String.join(" or ", schemes) + " URL such as " + example;
        if (text != null && text.length() > MAX_URL_CHARS) {
            throw reject(key, text, expected + ", of at most " + MAX_URL_CHARS + " characters");
        }
        try {
            return BaseUrls.parse(pid, key, text, example, schemes);
        } catch (IllegalArgumentException e) {
            throw reject(key, text, expected);
        }
    }

    /** A refusal of {@code value} set for {@code key}. */
    public SettingsException reject(String key, Object value, String expectation) {
        String shown = value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value);
        return new SettingsException(source, key, Printable.shortened(shown, Printable.VALUE_CHARS), expectation);
    }

    /**
     * Reads settings, turning a refusal into one line for the user: a {@link SettingsException}
     * as it is, any other {@link IllegalArgumentException} (a settings record's own check)
     * prefixed with the source.
     *
     * @return the settings, or the refusal
     */
    public static <T> Configured<T> read(String pid, Map<String, ?> properties, Function<ConfigValues, T> reader) {
        ConfigValues values = of(pid, properties);
        try {
            return Configured.of(reader.apply(values));
        } catch (SettingsException e) {
            return Configured.rejected(e.getMessage());
        } catch (IllegalArgumentException e) {
            return Configured.rejected(values.source + ": " + Printable.shortened(e.getMessage(), 500));
        }
    }

    private static String sourceOf(String pid, Object file) {
        if (file == null) {
            return "the configuration " + pid;
        }
        String text = String.valueOf(file);
        try {
            return text.startsWith("file:") ? Path.of(URI.create(text)).toString() : text;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return text;
        }
    }

    /**
     * Settings read from a configuration, or why they were refused.
     *
     * @param settings the settings, or {@code null} when refused
     * @param problem the refusal in one line, or {@code null}
     * @param <T> the settings type
     */
    public record Configured<T>(T settings, String problem) {

        /** Exactly one of the two is set. */
        public Configured {
            if ((settings == null) == (problem == null)) {
                throw new IllegalArgumentException("exactly one of settings and problem must be given");
            }
        }

        /** Accepted settings. */
        public static <T> Configured<T> of(T settings) {
            return new Configured<>(Objects.requireNonNull(settings, "settings"), null);
        }

        /** Refused settings. */
        public static <T> Configured<T> rejected(String problem) {
            return new Configured<>(null, "settings rejected: " + problem
                    + "; the connector fetches nothing until this is fixed");
        }
    }
}
