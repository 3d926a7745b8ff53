package io.tideline.workspace;

import io.tideline.api.series.SeriesId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * {@code roles.json} and its backup copy {@code roles.json.bak} (the version before the last
 * save) on disk.
 *
 * <ul>
 * <li>Writes are atomic: a temporary file forced to disk, then renamed over the old one. Before
 *     that, the old file becomes the {@code .bak}, but only if this object read it cleanly or
 *     wrote it itself: a file it could not read never replaces the backup copy.</li>
 * <li>A file that cannot be read, or was written by a newer Tideline, is never overwritten: it is
 *     renamed to {@code roles.json.bad-TIMESTAMP}. If the {@code .bak} reads cleanly its bindings
 *     are used (and it is copied back to {@code roles.json}); the same applies when
 *     {@code roles.json} is missing but a {@code .bak} is there. A {@code .bak} that cannot be
 *     read either is renamed to {@code roles.json.bak.bad-TIMESTAMP}, and the workspace starts
 *     without bindings.</li>
 * </ul>
 *
 * Every fallback comes with a message naming the file, the line or field of the fault and what
 * was used instead. Thread-safe (synchronized).
 */
final class RolesOnDisk {

    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Where the bindings in force came from. */
    enum Source {
        /** {@code roles.json}, or no bindings because there is no file at all. */
        FILE,
        /** The backup copy, because {@code roles.json} could not be used. */
        BACKUP,
        /** No bindings, because neither file could be used. */
        NONE
    }

    /**
     * What loading found.
     *
     * @param bindings the bindings in force, sorted by role
     * @param source where they came from
     * @param problem what was wrong and what was done about it; null when {@code roles.json} was
     *     read cleanly or there was no file at all
     */
    record Loaded(Map<String, SeriesId> bindings, Source source, String problem) {

        Loaded {
            bindings = Collections.unmodifiableMap(new java.util.TreeMap<>(bindings));
            Objects.requireNonNull(source, "source");
            if (source != Source.FILE && problem == null) {
                throw new IllegalArgumentException("a fallback to " + source + " needs a message");
            }
        }
    }

    private final Path file;
    private final Path backup;
    /** Whether the file now at {@link #file} is one this object read cleanly or wrote. */
    private boolean fileTrusted;

    RolesOnDisk(Path file) {
        this.file = file;
        this.backup = file.resolveSibling(file.getFileName() + ".bak");
    }

    Path file() {
        return file;
    }

    /**
     * The bindings: of {@code roles.json} if it can be used; else of its backup copy, if that can
     * (saying so); else none (saying why). Files that cannot be used are kept aside.
     */
    synchronized Loaded load() {
        boolean hasFile = Files.isRegularFile(file);
        boolean hasBackup = Files.isRegularFile(backup);
        if (!hasFile && !hasBackup) {
            fileTrusted = false;
            return new Loaded(Map.of(), Source.FILE, null);
        }
        String fault;
        if (hasFile) {
            try {
                Map<String, SeriesId> bindings = RolesFile.load(file);
                fileTrusted = true;
                return new Loaded(bindings, Source.FILE, null);
            } catch (IOException e) {
                Path kept = keepAside(file);
                fault = e.getMessage() + (kept == null ? "; it could not be renamed to keep it"
                        : "; it was kept as " + kept.getFileName());
            }
        } else {
            fault = file + " is missing";
        }
        fileTrusted = false;
        if (hasBackup) {
            try {
                Map<String, SeriesId> bindings = RolesFile.load(backup);
                return new Loaded(bindings, Source.BACKUP, fault + ". The backup copy " + backup.getFileName()
                        + " (saved " + savedAt(backup) + ") is in use" + restoreFromBackup());
            } catch (IOException e) {
                Path kept = keepAside(backup);
                return new Loaded(Map.of(), Source.NONE, fault + ". Its backup copy cannot be used either ("
                        + e.getMessage() + ")" + (kept == null ? "" : "; it was kept as " + kept.getFileName())
                        + ". The workspace starts without role bindings");
            }
        }
        return new Loaded(Map.of(), Source.NONE, fault + "; there is no backup copy " + backup.getFileName()
                + ". The workspace starts without role bindings");
    }

    /**
     * Saves the bindings atomically. The file it replaces becomes the backup copy only if this
     * object read it cleanly or wrote it; otherwise the backup copy is left as it is.
     */
    synchronized void save(Map<String, SeriesId> bindings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        DurableFiles.writeForced(tmp, RolesFile.json(bindings));
        if (fileTrusted && Files.isRegularFile(file)) {
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
        }
        DurableFiles.move(tmp, file);
        fileTrusted = true;
    }

    /** Copies the backup copy back, so other processes and the next start find the bindings in force. */
    private String restoreFromBackup() {
        if (Files.exists(file)) {
            return ""; // the damaged file could not be moved aside; the next save replaces it
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            DurableFiles.writeForced(tmp, Files.readAllBytes(backup));
            DurableFiles.move(tmp, file);
            fileTrusted = true;
            return " and was copied back to " + file.getFileName();
        } catch (IOException e) {
            return " (it could not be copied back to " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    /** Renames {@code path} to {@code path.bad-TIMESTAMP} (with a counter if taken); null if it cannot. */
    private static Path keepAside(Path path) {
        String stamp = LocalDateTime.now().format(ASIDE);
        Path aside = path.resolveSibling(path.getFileName() + ".bad-" + stamp);
        for (int i = 2; Files.exists(aside); i++) {
            aside = path.resolveSibling(path.getFileName() + ".bad-" + stamp + "-" + i);
        }
        try {
            return Files.move(path, aside);
        } catch (IOException e) {
            return null;
        }
    }

    private static String savedAt(Path path) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(), ZoneId.systemDefault())
                    .format(SAVED);
        } catch (IOException e) {
            return "at an unknown time";
        }
    }
}
