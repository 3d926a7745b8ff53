package io.tideline.regime;

/**
 * Rules that cannot be used, naming the file, the JSON path (e.g. {@code steps.macro.yieldJumpBp})
 * and what was expected there.
 */
final class RulesException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final String expected;

    RulesException(String file, String path, String expected, Throwable cause) {
        super(file + ": " + (path.isEmpty() ? "" : path + ": ") + expected, cause);
        this.file = file;
        this.path = path;
        this.expected = expected;
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    String expected() {
        return expected;
    }
}
