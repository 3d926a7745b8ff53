package io.tideline.workbench.internal.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The layout file in the workspace ({@code DATA_DIR/workspace/layout.json}). Writes are atomic
 * (a temporary file renamed over the old one), and the previous version is kept as
 * {@code layout.json.bak}. A file that cannot be read, or was written by a newer Tideline, is
 * never overwritten: it is renamed to {@code layout.json.bad-TIMESTAMP} for inspection, and the
 * caller falls back to the shipped perspectives with the message.
 */
public final class LayoutFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** What reading found. */
    public record Loaded(Layout layout, String problem) {
    }

    private final Path file;

    /** The layout file at {@code file}. */
    public LayoutFile(Path file) {
        this.file = file;
    }

    /** The file's path. */
    public Path path() {
        return file;
    }

    /** The shipped perspectives, from the bundle resource. */
    public static Layout defaults() {
        try (InputStream in = LayoutFile.class.getResourceAsStream("/layouts/default-layout.json")) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks /layouts/default-layout.json");
            }
            return JSON.readValue(in, Layout.class);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped layout does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the layout; a missing file gives the defaults without a problem, an unreadable or
     * future one gives the defaults with a problem saying why and where the file was kept.
     */
    public Loaded read() {
        if (!Files.isRegularFile(file)) {
            return new Loaded(defaults(), null);
        }
        String why;
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            int version = tree != null && tree.path("version").isInt() ? tree.path("version").asInt() : -1;
            if (version > Layout.VERSION) {
                why = "it was written by a newer Tideline (format " + version + ", this one reads "
                        + Layout.VERSION + ")";
            } else if (version < 1) {
                why = "it has no format version ($.version)";
            } else {
                return new Loaded(JSON.treeToValue(tree, Layout.class), null);
            }
        } catch (JsonMappingException e) {
            why = "at " + path(e) + ": " + e.getOriginalMessage();
        } catch (JsonProcessingException e) {
            why = "line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage();
        } catch (IOException | RuntimeException e) {
            why = e.toString();
        }
        Path kept = keepAside();
        return new Loaded(defaults(), file + " cannot be used (" + why + "); the default perspectives are shown"
                + (kept == null ? "" : " and the file was kept as " + kept.getFileName()));
    }

    /** Writes the layout atomically, keeping the previous file as {@code .bak}. */
    public void write(Layout layout) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), layout);
        if (Files.isRegularFile(file)) {
            Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The layout as JSON text, for the {@code workbench layout} command. */
    public static String json(Layout layout) {
        try {
            return JSON.writeValueAsString(layout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path keepAside() {
        Path aside = file.resolveSibling(file.getFileName() + ".bad-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            return Files.move(file, aside);
        } catch (IOException e) {
            return null;
        }
    }

    private static String path(JsonMappingException e) {
        return "$" + e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                : "[" + r.getIndex() + "]").collect(Collectors.joining());
    }
}
