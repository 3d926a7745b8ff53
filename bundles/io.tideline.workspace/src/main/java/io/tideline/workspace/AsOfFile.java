package io.tideline.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tideline.api.workspace.WorkspaceDate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The format of {@code asof.json}: <pre>{"version": 1, "asOf": "2026-02-06", "reason": "the sample's date"}</pre>
 * No file: no pinned day (the newest data). Read strictly: an unknown key, a wrong type, a bad
 * date or a missing part is an error naming the file and the field. Written atomically (a
 * temporary file forced to disk, then renamed), so a crash leaves the old file or the new one.
 *
 * @param version the file format version, 1
 * @param asOf the day, {@code YYYY-MM-DD}
 * @param reason why, for the user
 */
record AsOfFile(int version, String asOf, String reason) {

    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The pinned day in {@code file}, or empty when there is no file; an error naming the file and field otherwise. */
    static Optional<WorkspaceDate.Pinned> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        AsOfFile parsed;
        try {
            parsed = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), AsOfFile.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (parsed == null) {
            throw new IOException(file + ": empty file; expected {\"version\": 1, \"asOf\": \"YYYY-MM-DD\", \"reason\": \"...\"}");
        }
        if (parsed.version() != VERSION) {
            throw new IOException(file + ": version " + parsed.version() + " is not " + VERSION
                    + (parsed.version() > VERSION ? " (written by a newer Tideline)" : ""));
        }
        if (parsed.asOf() == null || parsed.reason() == null) {
            throw new IOException(file + ": " + (parsed.asOf() == null ? "asOf" : "reason") + " is missing");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(parsed.asOf());
        } catch (DateTimeParseException e) {
            throw new IOException(file + ": asOf: '" + parsed.asOf() + "' is not a date YYYY-MM-DD", e);
        }
        try {
            return Optional.of(new WorkspaceDate.Pinned(day, parsed.reason()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": reason: " + e.getMessage(), e);
        }
    }

    /** Writes {@code pinned} to {@code file} atomically. */
    static void save(Path file, WorkspaceDate.Pinned pinned) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(new AsOfFile(VERSION, pinned.day().toString(), pinned.reason()));
        DurableFiles.replace(file, bytes);
    }
}
