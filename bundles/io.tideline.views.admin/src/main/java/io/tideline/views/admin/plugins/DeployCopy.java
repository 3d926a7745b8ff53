package io.tideline.views.admin.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

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
     * @throws IOException naming the jar if it is not a readable bundle or the copy fails
     */
    public static Path install(Path jar, Path deployDir) throws IOException {
        if (deployDir == null) {
            throw new IOException("the framework names no deploy folder (property tideline.deploy.dir)");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not a file");
        }
        String name = jar.getFileName().toString();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                throw new IOException(name + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(name + " is not a jar: " + e.getMessage(), e);
        }
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
