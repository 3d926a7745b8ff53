package io.tideline.feed.csv;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A CSV file cannot be imported; the message names the file, the line, the column and the text,
 * or says in the user's terms what stopped the import (memory, disk space). An
 * {@link IOException}, so that a store writing the file's batches rolls the whole write back and
 * hands it on unchanged.
 */
class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    CsvFormatException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
