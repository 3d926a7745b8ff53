package io.tideline.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Tideline per data directory: an exclusive OS lock on {@code DATA_DIR/tideline.lock},
 * taken before the framework (and so the store) starts and held until {@link #close()}. The
 * operating system releases it when the process ends, however it ends, so a {@code kill -9}
 * leaves no stale lock behind; the file itself stays (deleting a lock file lets a third process
 * lock a new file while a second still holds the old one).
 *
 * <p>The file holds the holder's process id and start time as text, for the message a second
 * process prints. Within one JVM a second lock on the same file is refused the same way (the
 * integration tests boot several frameworks in one JVM).
 */
public final class DataDirLock implements AutoCloseable {

    /** The lock file's name in the data directory. */
    public static final String FILE_NAME = "tideline.lock";

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** How long a second process looks for the holder's pid, or for the lock to come free. */
    private static final long HOLDER_WAIT_NANOS = 3_000_000_000L;

    /** The data directories locked by this JVM (real paths). */
    private static final ConcurrentHashMap<Path, Boolean> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path key;

    private DataDirLock(Path file, FileChannel channel, FileLock lock, Path key) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the data directory, creating it and the lock file if needed, and writes this
     * process's id and start time into the file.
     *
     * @throws InUseException if another process, or another framework of this JVM, holds it
     * @throws IOException if the folder or the file cannot be created or written
     */
    public static DataDirLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        Path key = dataDir.toRealPath();
        // A second channel on the file must not even be opened in this JVM: on Linux, closing
        // any descriptor of a file drops every lock the process holds on it.
        if (HELD.putIfAbsent(key, Boolean.TRUE) != null) {
            throw new InUseException(dataDir, Optional.of(new Holder(ProcessHandle.current().pid(),
                    ProcessHandle.current().info().startInstant().orElse(Instant.now()))));
        }
        try {
            return acquire(dataDir, file, key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static DataDirLock acquire(Path dataDir, Path file, Path key) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        long deadline = System.nanoTime() + HOLDER_WAIT_NANOS;
        while (true) {
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            } catch (IOException e) {
                channel.close();
                throw new IOException("cannot lock the data directory " + dataDir + " (" + file + "): "
                        + e.getMessage(), e);
            }
            if (lock != null) {
                break;
            }
            // Held. The holder writes its pid right after locking and empties the file right
            // before releasing: an empty file means one of those instants, so look again
            // (and lock, if it was released meanwhile) rather than print no pid.
            Optional<Holder> holder = holder(file);
            if (holder.isPresent() || System.nanoTime() > deadline) {
                channel.close();
                throw new InUseException(dataDir, holder);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new InUseException(dataDir, holder);
            }
        }
        try {
            ProcessHandle self = ProcessHandle.current();
            Instant started = self.info().startInstant().orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS);
            byte[] text = ("pid=" + self.pid() + "\nsince=" + started + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(false);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw new IOException("cannot write the lock file " + file + ": " + e.getMessage(), e);
        }
        return new DataDirLock(file, channel, lock, key);
    }

    /** The process id and start time written by the holder, when the file holds them. */
    private static Optional<Holder> holder(Path file) {
        try {
            String pid = null;
            Instant since = null;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid=")) {
                    pid = line.substring(4).strip();
                } else if (line.startsWith("since=")) {
                    since = Instant.parse(line.substring(6).strip());
                }
            }
            return pid != null && since != null ? Optional.of(new Holder(Long.parseLong(pid), since)) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // Locked against reading (Windows) or half-written: the message goes without it.
            return Optional.empty();
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Empties the lock file (no stale pid for a reader) and releases the lock. Safe to call twice. */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
            HELD.remove(key);
        }
    }

    /**
     * Who holds a data directory.
     *
     * @param pid the process id
     * @param since when that process started
     */
    public record Holder(long pid, Instant since) {
    }

    /** The data directory is held by another Tideline; the message says so in one line. */
    public static final class InUseException extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient Optional<Holder> holder;

        InUseException(Path dataDir, Optional<Holder> holder) {
            super("the data directory " + dataDir + " is in use by another Tideline"
                    + holder.map(h -> " (pid " + h.pid() + ", since " + SINCE.format(h.since()) + ")").orElse("")
                    + "; close it, or use another one: --data-dir DIR");
            this.holder = holder;
        }

        /** The holder's process id and start time, if its lock file could be read. */
        public Optional<Holder> holder() {
            return holder;
        }
    }
}
