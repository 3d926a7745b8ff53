package io.tideline.support.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value read from a file the user may edit at any time (a workspace override, a deployed pack),
 * falling back to built-in defaults. The file is read again when it appears, when another file
 * takes its place or when its modification time changes; a file that is refused leaves the
 * previous valid value in force and its error is reported with every {@link #current} until the
 * file is fixed or removed. A corrupt file never locks the user out. Thread-safe.
 *
 * @param <T> the type of the value
 */
public final class LastValidFile<T> {

    /** Reads the file, refusing it with an error that names the file and the fault. */
    @FunctionalInterface
    public interface Reader<T> {
        /** The value of the file. */
        T read(Path file) throws JsonFileException;
    }

    /**
     * The value in force.
     *
     * @param value the value in force
     * @param file the file it was read from, or null for the defaults
     * @param error why the file present now was refused ("file: path: expected"), or null
     */
    public record State<T>(T value, Path file, String error) {
    }

    private final Supplier<T> defaults;
    private final Reader<T> reader;

    private T value;
    private Path inForce;
    private Path seenFile;
    private FileTime seenTime;
    private String error;

    /** Starts with {@code defaults.get()} in force. */
    public LastValidFile(Supplier<T> defaults, Reader<T> reader) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.value = defaults.get();
    }

    /**
     * The value in force given the file present now, reading it first if it is new or changed.
     *
     * @param fileOrNull the file present now, or null when there is none (the defaults return)
     */
    public synchronized State<T> current(Path fileOrNull) {
        if (fileOrNull == null) {
            if (seenFile != null) {
                value = defaults.get();
                inForce = null;
                seenFile = null;
                seenTime = null;
            }
            error = null;
            return new State<>(value, inForce, null);
        }
        try {
            FileTime modified = Files.getLastModifiedTime(fileOrNull);
            if (!fileOrNull.equals(seenFile) || !modified.equals(seenTime)) {
                seenFile = fileOrNull;
                seenTime = modified;
                try {
                    value = reader.read(fileOrNull);
                    inForce = fileOrNull;
                    error = null;
                } catch (JsonFileException e) {
                    error = e.getMessage();
                }
            }
        } catch (IOException e) {
            error = fileOrNull + ": cannot be read (" + StrictJsonReader.reason(e) + ")";
        }
        return new State<>(value, inForce, error);
    }
}
