package io.tideline.scenario.api;

/**
 * A portfolio file that cannot be used: the message names the file, the line (0 when the whole
 * file is at fault), the field and what was expected there.
 */
public final class PortfolioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    /**
     * @param file the file as the user named it
     * @param line the 1-based line, or 0 for the whole file
     * @param field the field or column at fault, or an empty string
     * @param expected what was expected there, and what was found
     */
    public PortfolioException(String file, int line, String field, String expected) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + expected);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the whole file is at fault. */
    public int line() {
        return line;
    }

    /** The field or column at fault, or an empty string. */
    public String field() {
        return field;
    }
}
