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

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
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
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot lock the data directory " + dataDir + " (" + file + "): " + e.getMessage(), e);
        }
        if (lock == null) {
            channel.close();
            throw new InUseException(dataDir, holder(file));
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
        return new DataDirLock(file, channel, lock);
    }

    /** The process id and start time written by the holder, when the file can be read. */
    private static Optional<Holder> holder(Path file) {
        // The holder writes the file right after taking the lock: a second process that came
        // within that instant may find it empty, so look again a few times.
        for (int attempt = 0; attempt < 10; attempt++) {
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
                if (pid != null && since != null) {
                    return Optional.of(new Holder(Long.parseLong(pid), since));
                }
                Thread.sleep(20);
            } catch (IOException | RuntimeException unreadable) {
                // Locked against reading (Windows) or half-written: the message goes without it.
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
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
