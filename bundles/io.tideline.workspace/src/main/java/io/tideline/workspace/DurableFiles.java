package io.tideline.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way this bundle writes a workspace file: bytes forced to disk in a sibling
 * {@code .tmp}, then renamed over the file (atomically where the file system can), so a crash
 * leaves the old file or the new one, never half of either.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    /** Replaces {@code file} with {@code bytes}, creating its folder if needed. */
    static void replace(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        writeForced(tmp, bytes);
        move(tmp, file);
    }

    /** Writes {@code bytes} to {@code target} and forces them to disk. */
    static void writeForced(Path target, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where supported. */
    static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
