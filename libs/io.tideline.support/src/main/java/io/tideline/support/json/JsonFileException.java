package io.tideline.support.json;

/**
 * A JSON file that cannot be used, naming the file, the JSON path of the fault (e.g.
 * {@code steps.macro.yieldJumpBp} or {@code $.scenarios[1].conditions[0].threshold}; empty for
 * the whole file when the reader's root is empty) and what was expected there. The message is
 * {@code file: path: expected}, without {@code path: } when the path is empty.
 */
public final class JsonFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final String expected;

    /**
     * @param file the file's name or path as the user knows it
     * @param path the JSON path of the fault, possibly empty
     * @param expected what was expected there, e.g. "expected a number, got x"
     * @param cause the underlying error, or null
     */
    public JsonFileException(String file, String path, String expected, Throwable cause) {
        super(file + ": " + (path.isEmpty() ? "" : path + ": ") + expected, cause);
        this.file = file;
        this.path = path;
        this.expected = expected;
    }

    /** The file's name or path. */
    public String file() {
        return file;
    }

    /** The JSON path of the fault, empty or the reader's root for the whole file. */
    public String path() {
        return path;
    }

    /** What was expected at the path. */
    public String expected() {
        return expected;
    }
}
