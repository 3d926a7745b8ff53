package io.tideline.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the data directory private to its owner before anything is written into it: the folder
 * itself 0700, its {@code config} folder (Apache Felix ConfigAdmin's {@code felix.cm.dir}) 0700
 * with every folder below it 0700 and every file 0600.
 *
 * <p>ConfigAdmin copies secret settings ({@code .apiKey}, {@code .password}) into its
 * {@code *.config} files and creates them with the process umask (0644 under the usual 022);
 * it has no option for file modes. A 0700 folder makes those files unreachable by other users
 * the moment they are written, and the files are tightened to 0600 on every start.
 *
 * <p>On a file system without POSIX permissions (Windows) nothing is changed: there the user's
 * profile folder's access list protects the data directory.
 */
public final class DataDirPermissions {

    /** rwx------: folders only their owner may list or enter. */
    public static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    /** rw-------: files only their owner may read. */
    public static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirPermissions() {
    }

    /**
     * Creates the data directory and its {@code config} folder as private folders, or makes
     * existing ones private, and makes every file under {@code config} 0600.
     *
     * @param dataDir the data directory
     * @param configDirName the name of ConfigAdmin's folder in it
     * @throws IOException naming the path when {@code config} is not a folder (ConfigAdmin could
     *         not keep any setting), or when a folder cannot be created or its mode set
     */
    public static void secure(Path dataDir, String configDirName) throws IOException {
        privateDir(dataDir);
        Path config = dataDir.resolve(configDirName);
        if (Files.exists(config, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(config)) {
            throw new IOException(config + " is a file, but Tideline keeps its settings in a folder of that name;"
                    + " move the file away (mv " + config + " " + config + ".old) and start again");
        }
        privateDir(config);
        if (!posix(config)) {
            return;
        }
        Files.walkFileTree(config, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                restrict(dir, PRIVATE_DIR);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // A symbolic link's own mode means nothing; its target is not ours to change.
                if (attrs.isRegularFile()) {
                    restrict(file, PRIVATE_FILE);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void privateDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            if (posix(dir)) {
                restrict(dir, PRIVATE_DIR);
            }
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix(dir)) {
                // Created with the mode at once (the umask can only remove bits), then set again so
                // the folder is 0700 whatever the umask.
                FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(PRIVATE_DIR);
                Files.createDirectory(dir, mode);
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // This runs before the data directory's lock: a second Tideline starting at the same
            // moment may have created the folder first. Only a file in its place is a problem.
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
        }
        if (posix(dir)) {
            restrict(dir, PRIVATE_DIR);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (IOException | SecurityException e) {
            throw new IOException("cannot make " + path + " private to its owner (mode "
                    + PosixFilePermissions.toString(mode) + "): " + e.getMessage()
                    + "; it may belong to another user: chmod it, or use another data directory: --data-dir DIR", e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
