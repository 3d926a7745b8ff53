package io.tideline.views.admin.plugins;

import io.tideline.support.jar.BundleManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a jar into the deploy folder in one atomic step: it is first copied to a hidden
 * {@code .NAME.part} file that FileInstall ignores, then renamed, so FileInstall never sees a
 * half-written jar.
 */
public final class DeployCopy {

    private DeployCopy() {
    }

    /**
     * Checks that {@code jar} is an OSGi bundle and copies it into {@code deployDir} under its own
     * name, replacing a file of that name (which makes FileInstall update the bundle).
     *
     * @return the file in the deploy folder
     * @throws IOException naming the jar if it is not a readable bundle (see {@link BundleManifest#read})
     *     or the copy fails
     */
    public static Path install(Path jar, Path deployDir) throws IOException {
        if (deployDir == null) {
            throw new IOException("the framework names no deploy folder (property tideline.deploy.dir)");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not a file");
        }
        String name = jar.getFileName().toString();
        // Bounded: a manifest of a gigabyte or one that inflates to gigabytes is refused at 1 MiB,
        // and a malformed name or version is named, before FileInstall and the framework see the jar.
        BundleManifest.read(jar);
        Files.createDirectories(deployDir);
        Path tmp = deployDir.resolve("." + name + ".part");
        try {
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(tmp, deployDir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
