package io.tideline.feed.http;

/**
 * A configured value a connector refuses, naming where it was set, the key, the value (made
 * printable and shortened) and what was expected, e.g. {@code /opt/tideline/deploy/io.tideline.feed.fred.cfg:
 * timeoutSeconds = 'abc': expected a whole number of seconds from 1 to 600}.
 *
 * @since 1.1
 */
public final class SettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String key;
    private final String value;
    private final String expectation;

    /**
     * @param file the {@code .cfg} file, or "the configuration PID" when none is known
     * @param key the configuration key
     * @param value the refused value as shown (printable, shortened)
     * @param expectation what was expected, e.g. "a whole number of seconds from 1 to 600"
     */
    public SettingsException(String file, String key, String value, String expectation) {
        super(file + ": " + key + " = '" + value + "': expected " + expectation);
        this.file = file;
        this.key = key;
        this.value = value;
        this.expectation = expectation;
    }

    /** Where the value was set: the {@code .cfg} file, or "the configuration PID". */
    public String file() {
        return file;
    }

    /** The configuration key. */
    public String key() {
        return key;
    }

    /** The refused value, printable and shortened. */
    public String value() {
        return value;
    }

    /** What was expected. */
    public String expectation() {
        return expectation;
    }
}
