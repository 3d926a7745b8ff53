package io.tideline.workbench.internal.layout;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The layout file in the workspace ({@code DATA_DIR/workspace/layout.json}) and its backup copy
 * {@code layout.json.bak}, the version before the last save.
 *
 * <ul>
 * <li>Writes are atomic: a temporary file forced to disk, then renamed over the old one. Before
 *     that, the old file becomes the {@code .bak}, but only if this object read it cleanly or
 *     wrote it itself: a file it could not read never replaces the backup copy.</li>
 * <li>A file that cannot be read, or was written by a newer Tideline, is never overwritten: it is
 *     renamed to {@code layout.json.bad-TIMESTAMP}. If the {@code .bak} reads cleanly it is used
 *     instead (and copied back to {@code layout.json}); the same applies when {@code layout.json}
 *     is missing but a {@code .bak} is there. A {@code .bak} that cannot be read either is renamed
 *     to {@code layout.json.bak.bad-TIMESTAMP}, and the shipped perspectives are used.</li>
 * </ul>
 *
 * Every fallback comes with a message naming the file, the line or JSON path of the fault and
 * what was used instead. Thread-safe (every method that touches the files is synchronized).
 */
public final class LayoutFile {

    // A key given twice is refused, as every other JSON file of Tideline refuses it: the last one
    // winning silently would hide a hand edit that went wrong.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    /** Jackson's words for a key given twice. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Where the layout in force came from. */
    public enum Source {
        /** {@code layout.json}, or the shipped perspectives when there is no file at all. */
        FILE,
        /** The backup copy {@code layout.json.bak}, because {@code layout.json} could not be used. */
        BACKUP,
        /** The shipped perspectives, because neither file could be used. */
        DEFAULTS
    }

    /**
     * What reading found.
     *
     * @param layout the layout to show
     * @param source where it came from
     * @param problem what was wrong and what was done about it, for the status bar and the log;
     *     null when {@code layout.json} was read cleanly or there was no file at all
     */
    public record Loaded(Layout layout, Source source, String problem) {

        /** Requires a layout and a source; a problem for every fallback. */
        public Loaded {
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(source, "source");
            if (source != Source.FILE && problem == null) {
                throw new IllegalArgumentException("a fallback to " + source + " needs a message");
            }
        }
    }

    /** One file's layout, or why it cannot be used. */
    private record Attempt(Layout layout, String why) {
    }

    private final Path file;
    private final Path backup;
    /**
     * Whether the file now at {@link #file} is one this object read cleanly or wrote: only such a
     * file may become the backup copy, so a damaged file never replaces a good {@code .bak}.
     */
    private boolean fileTrusted;

    /** The layout file at {@code file}; its backup copy is {@code file} + {@code .bak}. */
    public LayoutFile(Path file) {
        this.file = file;
        this.backup = file.resolveSibling(file.getFileName() + ".bak");
    }

    /** The file's path. */
    public Path path() {
        return file;
    }

    /** The backup copy's path. */
    public Path backupPath() {
        return backup;
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
     * Reads the layout: {@code layout.json} if it can be used; else its backup copy, if that can
     * (saying so); else the shipped perspectives (saying why). Files that cannot be used are kept
     * aside, never overwritten. No file at all gives the shipped perspectives without a problem.
     */
    public synchronized Loaded read() {
        boolean hasFile = Files.isRegularFile(file);
        boolean hasBackup = Files.isRegularFile(backup);
        if (!hasFile && !hasBackup) {
            fileTrusted = false;
            return new Loaded(defaults(), Source.FILE, null);
        }
        String mainFault = null;
        Path mainKept = null;
        if (hasFile) {
            Attempt main = attempt(file);
            if (main.layout() != null) {
                fileTrusted = true;
                return new Loaded(main.layout(), Source.FILE, null);
            }
            mainFault = file + " cannot be used (" + main.why() + ")";
            mainKept = keepAside(file);
            if (mainKept == null) {
                mainFault += " and could not be renamed to keep it";
            } else {
                mainFault += "; it was kept as " + mainKept.getFileName();
            }
        } else {
            mainFault = file + " is missing";
        }
        fileTrusted = false;
        if (hasBackup) {
            Attempt bak = attempt(backup);
            if (bak.layout() != null) {
                String restored = restoreFromBackup();
                return new Loaded(bak.layout(), Source.BACKUP, mainFault + ". The backup copy " + backup.getFileName()
                        + " (saved " + savedAt(backup) + ") is shown instead" + restored);
            }
            Path bakKept = keepAside(backup);
            return new Loaded(defaults(), Source.DEFAULTS, mainFault + ". Its backup copy " + backup.getFileName()
                    + " cannot be used either (" + bak.why() + ")"
                    + (bakKept == null ? " and is left as it is" : "; it was kept as " + bakKept.getFileName())
                    + ". The default perspectives are shown");
        }
        return new Loaded(defaults(), Source.DEFAULTS, mainFault + "; there is no backup copy "
                + backup.getFileName() + ". The default perspectives are shown");
    }

    /**
     * Writes the layout atomically. The file it replaces becomes the backup copy only if this
     * object read it cleanly or wrote it; otherwise the backup copy is left as it is.
     */
    public synchronized void write(Layout layout) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        writeForced(tmp, JSON.writeValueAsBytes(layout));
        if (fileTrusted && Files.isRegularFile(file)) {
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
        }
        replace(tmp, file);
        fileTrusted = true;
    }

    /** The layout as JSON text, for the {@code workbench layout} command. */
    public static String json(Layout layout) {
        try {
            return JSON.writeValueAsString(layout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one file strictly: the layout, or why not (the line or JSON path and what was wrong). */
    private static Attempt attempt(Path path) {
        try (JsonParser parser = JSON.createParser(path.toFile())) {
            return attempt(parser);
        } catch (IOException | RuntimeException e) {
            return new Attempt(null, e.toString());
        }
    }

    private static Attempt attempt(JsonParser parser) {
        try {
            JsonNode tree = JSON.readTree(parser);
            int version = tree != null && tree.path("version").isInt() ? tree.path("version").asInt() : -1;
            if (version > Layout.VERSION) {
                return new Attempt(null, "it was written by a newer Tideline (format " + version + ", this one reads "
                        + Layout.VERSION + ")");
            }
            if (version < 1) {
                return new Attempt(null, tree == null || tree.isMissingNode() ? "the file is empty"
                        : "it has no format version ($.version)");
            }
            return new Attempt(JSON.treeToValue(tree, Layout.class), null);
        } catch (JsonMappingException e) {
            // Jackson names the Java class it was filling and quotes a bad key whole; the user needs
            // neither: the path says where, and a key is quoted up to 80 characters.
            String why = e.getOriginalMessage().replaceAll(" \\(class [\\w.$]+\\)", "");
            // A value the layout's own checks refuse says so in its words; a missing part is said as
            // such, not as the NullPointerException it caused in the record's constructor.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (e instanceof ValueInstantiationException && root instanceof IllegalArgumentException) {
                why = shortened(String.valueOf(root.getMessage()), 300);
            } else if (e instanceof ValueInstantiationException && root instanceof NullPointerException) {
                why = "a required value is missing here";
            }
            return new Attempt(null, "at " + jsonPath(e) + ": " + shortened(why, 300));
        } catch (JsonProcessingException e) {
            // A stream limit (a number of over 1,000 digits, nesting over 1,000 deep) comes without
            // a location: the place is then where the parser stopped.
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            String why = e.getOriginalMessage();
            Matcher twice = DUPLICATE.matcher(why);
            if (twice.matches()) {
                why = "key '" + shortened(twice.group(1), 80) + "' appears twice in its object; expected each key once";
            }
            return new Attempt(null, "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + why);
        } catch (IOException | RuntimeException e) {
            return new Attempt(null, e.toString());
        }
    }

    /**
     * Copies the backup copy back to the layout file, so that every later reader (and the next
     * start, should this process end before it saves) finds the layout in force; returns what to
     * add to the message.
     */
    private String restoreFromBackup() {
        if (Files.exists(file)) {
            return ""; // the damaged file could not be moved aside; the next save replaces it
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writeForced(tmp, Files.readAllBytes(backup));
            replace(tmp, file);
            fileTrusted = true;
            return " and was copied back to " + file.getFileName();
        } catch (IOException e) {
            return " (it could not be copied back to " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    private static void writeForced(Path target, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
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

    private static String jsonPath(JsonMappingException e) {
        return "$" + e.getPath().stream().map(r -> r.getFieldName() != null ? "." + shortened(r.getFieldName(), 80)
                : "[" + r.getIndex() + "]").collect(Collectors.joining());
    }

    /** {@code text} up to {@code max} characters, with its full length said when cut. */
    private static String shortened(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, max) + "… (" + String.format("%,d", text.length()) + " characters)";
    }
}
