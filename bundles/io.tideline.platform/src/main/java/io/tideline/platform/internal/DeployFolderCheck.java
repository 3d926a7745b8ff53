package io.tideline.platform.internal;

import io.tideline.api.platform.DeployFileProblem;
import io.tideline.support.jar.BundleManifest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the jars in the deploy folder that FileInstall leaves uninstalled without a word: a file
 * that is not a zip, a jar without a bundle manifest or with an oversized or malformed one, a
 * second copy of a bundle already installed from another file. The manifest is read through
 * {@link BundleManifest}'s cap, so a manifest of a gigabyte or a zip bomb costs at most a megabyte
 * to refuse; each file is read once per size and modification time.
 *
 * <p>A jar that is sound but not installed yet is not a problem: FileInstall will get to it. A
 * file still changing (modified within the last {@link #SETTLE}) is left alone too, so a jar
 * being copied in is not reported as damaged. Only {@code .jar} files at the top of the folder
 * are looked at, as FileInstall installs bundles from there. Thread-safe.
 */
final class DeployFolderCheck {

    /** How long a file must be unchanged before it is judged; a copy in progress is not a damaged jar. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    /** An installed bundle as the check needs it. */
    record Installed(String symbolicName, String version, String location) {
    }

    /** One file's verdict, kept while the file keeps its size and modification time. */
    private record Seen(long size, long modified, BundleManifest manifest, String refusal) {
    }

    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

    /**
     * The files of {@code deployDir} that cannot be installed, in file-name order.
     *
     * @param installed the installed bundles by the file they were installed from (see
     *     {@link TrustGate#fileOf}); bundles not installed from a file are left out
     * @param now the time against which a file's last change is judged
     */
    List<DeployFileProblem> problems(Path deployDir, Map<Path, Installed> installed, Instant now) {
        if (deployDir == null || !Files.isDirectory(deployDir)) {
            seen.clear();
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(deployDir)) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                    jars.add(p.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            // The folder vanished or cannot be listed: FileInstall cannot read it either, and the
            // Plugins view says so; there is no file to blame.
            return List.of();
        }
        jars.sort(null);
        seen.keySet().retainAll(jars);
        Map<String, Installed> byName = new HashMap<>();
        installed.forEach((file, b) -> byName.put(b.symbolicName() + " " + b.version(), b));
        List<DeployFileProblem> problems = new ArrayList<>();
        for (Path jar : jars) {
            if (installed.containsKey(jar)) {
                continue;
            }
            Seen s = judge(jar, now);
            if (s == null) {
                continue;
            }
            String name = jar.getFileName().toString();
            if (s.refusal() != null) {
                problems.add(new DeployFileProblem(name, s.refusal()
                        + "; it is not installed: replace it with a sound bundle or remove it"));
                continue;
            }
            Installed twin = byName.get(s.manifest().symbolicName() + " " + s.manifest().version());
            if (twin != null) {
                problems.add(new DeployFileProblem(name, name + " holds " + twin.symbolicName() + " "
                        + twin.version() + ", which is already installed from " + twin.location()
                        + "; a bundle is installed once: remove one of the two files"));
            }
        }
        return List.copyOf(problems);
    }

    /** The file's verdict, or null while it is still changing or cannot be looked at. */
    private Seen judge(Path jar, Instant now) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            return null;
        }
        long modified = attributes.lastModifiedTime().toMillis();
        if (now.toEpochMilli() - modified < SETTLE.toMillis()) {
            return null;
        }
        Seen known = seen.get(jar);
        if (known != null && known.size() == attributes.size() && known.modified() == modified) {
            return known;
        }
        Seen fresh;
        try {
            fresh = new Seen(attributes.size(), modified, BundleManifest.read(jar), null);
        } catch (IOException e) {
            fresh = new Seen(attributes.size(), modified, null, e.getMessage());
        }
        seen.put(jar, fresh);
        return fresh;
    }
}
