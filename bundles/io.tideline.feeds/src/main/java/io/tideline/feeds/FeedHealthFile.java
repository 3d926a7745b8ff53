package io.tideline.feeds;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tideline.api.feed.FeedHealth;
import io.tideline.support.json.JsonFileException;
import io.tideline.support.json.JsonValueException;
import io.tideline.support.json.StrictJsonReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code DATA_DIR/workspace/feed-health.json}: the last known health of every feed, so that
 * {@code feeds status} in a later process shows the last success and the last failure with its
 * reason instead of {@code UNKNOWN}/never. Read strictly (an unknown key, a wrong type or a
 * state that is not UP, DEGRADED, DOWN or UNKNOWN is refused with the file and the JSON path);
 * written whole to a temporary file forced to disk, then renamed over the old one, so a crash
 * never leaves half a file. Thread-safe.
 */
final class FeedHealthFile {

    /** One feed's health as last recorded. */
    record Saved(String state, long lastSuccessMillis, String lastError, long recordedMillis) {

        Saved {
            Objects.requireNonNull(state, "state");
            try {
                FeedHealth.State.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw new JsonValueException("state", "UP, DEGRADED, DOWN or UNKNOWN", "'" + state + "'");
            }
            if (lastSuccessMillis < 0 || recordedMillis < 0) {
                throw new JsonValueException(lastSuccessMillis < 0 ? "lastSuccessMillis" : "recordedMillis",
                        "epoch milliseconds, 0 or more", String.valueOf(Math.min(lastSuccessMillis, recordedMillis)));
            }
        }

        static Saved of(FeedHealth health, long recordedMillis) {
            return new Saved(health.state().name(), health.lastSuccessMillis(), health.lastError(), recordedMillis);
        }

        FeedHealth health() {
            return new FeedHealth(FeedHealth.State.valueOf(state), lastSuccessMillis, lastError);
        }
    }

    /** The file's document. */
    record Document(int version, Map<String, Saved> feeds) {

        static final int VERSION = 1;

        Document {
            if (version != VERSION) {
                throw new JsonValueException("version", String.valueOf(VERSION), String.valueOf(version));
            }
            feeds = feeds == null ? Map.of() : Map.copyOf(feeds);
        }
    }

    private static final StrictJsonReader<Document> READER = StrictJsonReader.of(Document.class,
            "a JSON object with version and feeds");
    private static final JsonMapper WRITER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;

    FeedHealthFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Where the file is. */
    Path path() {
        return file;
    }

    /**
     * The recorded health by feed source; empty when there is no file yet.
     *
     * @throws JsonFileException naming the file and what is wrong with it
     */
    synchronized Map<String, Saved> read() throws JsonFileException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        return READER.read(file).feeds();
    }

    /** Replaces the file with {@code feeds}, atomically. */
    synchronized void write(Map<String, Saved> feeds) throws IOException {
        byte[] bytes = WRITER.writeValueAsBytes(new Document(Document.VERSION, new TreeMap<>(feeds)));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * What to show for a feed: its live health, or, before it fetched in this process, the
     * recorded one; the later of the two last successes either way.
     */
    static FeedHealth merge(FeedHealth live, Saved saved) {
        if (saved == null) {
            return live;
        }
        if (live.state() == FeedHealth.State.UNKNOWN) {
            return saved.health();
        }
        return new FeedHealth(live.state(), Math.max(live.lastSuccessMillis(), saved.lastSuccessMillis()),
                live.lastError());
    }
}
