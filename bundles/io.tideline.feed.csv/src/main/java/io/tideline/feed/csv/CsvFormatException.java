package io.tideline.feed.csv;

import java.nio.file.Path;

/** A CSV file cannot be imported; the message names the file, the line, the column and the text. */
final class CsvFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    CsvFormatException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
