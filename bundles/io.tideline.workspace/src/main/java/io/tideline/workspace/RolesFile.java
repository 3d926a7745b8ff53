package io.tideline.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tideline.api.series.SeriesId;
import io.tideline.api.workspace.Roles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The format of {@code roles.json}: <pre>{"version": 1, "roles": {"us10y": "fred:DGS10", ...}}</pre>
 * Read strictly (unknown keys, wrong types and bad role or series names are errors naming the
 * file, the line or field, and what was expected). Where the file lives, how it is written and
 * what happens when it cannot be read is {@link RolesOnDisk}'s business.
 *
 * @param version the file format version, 1
 * @param roles role name to series id text
 */
record RolesFile(int version, Map<String, String> roles) {

    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    RolesFile {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    /** The bindings as typed values, sorted by role. */
    Map<String, SeriesId> bindings(Path file) throws IOException {
        if (version != VERSION) {
            throw new IOException(file + ": version " + version + " is not " + VERSION
                    + (version > VERSION ? " (written by a newer Tideline)" : ""));
        }
        Map<String, SeriesId> out = new TreeMap<>();
        for (Map.Entry<String, String> e : roles.entrySet()) {
            try {
                Roles.check(e.getKey());
                out.put(e.getKey(), SeriesId.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ": roles." + e.getKey() + ": " + bad.getMessage(), bad);
            }
        }
        return out;
    }

    static RolesFile read(Path file) throws IOException {
        try {
            RolesFile parsed = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), RolesFile.class);
            if (parsed == null) {
                throw new IOException(file + ": empty file");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
    }

    /** The bindings of {@code file}, or an error naming the file, the line or field and the fault. */
    static Map<String, SeriesId> load(Path file) throws IOException {
        return read(file).bindings(file);
    }

    /** The file's text for these bindings. */
    static byte[] json(Map<String, SeriesId> bindings) throws IOException {
        Map<String, String> text = new TreeMap<>();
        bindings.forEach((role, id) -> text.put(role, id.toString()));
        return JSON.writeValueAsBytes(new RolesFile(VERSION, text));
    }
}
