package io.tideline.scenario;

/**
 * A scenario pack that cannot be used, naming the file, the JSON path (e.g.
 * {@code $.scenarios[1].conditions[0].threshold}) and what was expected there.
 */
final class PackException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;

    PackException(String file, String path, String expected, Throwable cause) {
        super(file + ": " + path + ": " + expected, cause);
        this.file = file;
        this.path = path;
    }

    String file() {
        return file;
    }

    /** The JSON path, starting with {@code $}. */
    String path() {
        return path;
    }
}
