package io.tideline.support.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Plugin jars for the tests of what reads a jar before installing it: a sound one, one with any
 * manifest bytes, one whose manifest is a gigabyte (streamed, never held), one that lies about
 * its manifest's size (a zip bomb).
 */
public final class PluginJars {

    /** A bundle manifest as bnd writes one, with a per-entry section. */
    public static final String MANIFEST = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
            + "Bundle-SymbolicName: com.acme.plugin;singleton:=true\r\nBundle-Version: 1.2.0.beta-1\r\n"
            + "Import-Package: io.tideline.api.feed;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.10,2)\"\r\n"
            + "Export-Package: com.acme.plugin.api;version=\"1.2.0\";uses:=\"io.tideline.api.feed\"\r\n\r\n"
            + "Name: com/acme/plugin/Feed.class\r\nSHA-256-Digest: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\r\n\r\n";

    private PluginJars() {
    }

    /** A jar with {@code manifest} as its META-INF/MANIFEST.MF and one class-like entry. */
    public static Path write(Path jar, byte[] manifest) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(manifest);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("com/acme/plugin/Feed.class"));
            zip.write("not really a class".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return jar;
    }

    /** The bytes of a jar with {@code manifest}. */
    public static byte[] bytes(Path scratch, byte[] manifest) throws IOException {
        return Files.readAllBytes(write(scratch, manifest));
    }

    /**
     * A jar whose manifest is a bundle's headers then {@code size} bytes of one header's
     * continuation lines, streamed through the deflater so the test never holds it: a gigabyte
     * becomes about a megabyte on disk.
     */
    public static Path huge(Path jar, long size) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            OutputStream out = zip;
            out.write("Manifest-Version: 1.0\r\nBundle-SymbolicName: com.acme.big\r\nX-Padding: x\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[64 * 1024];
            for (int i = 0; i < line.length; i += 64) {
                line[i] = ' ';
                java.util.Arrays.fill(line, i + 1, i + 62, (byte) 'p');
                line[i + 62] = '\r';
                line[i + 63] = '\n';
            }
            for (long written = 0; written < size; written += line.length) {
                out.write(line);
            }
            zip.closeEntry();
        }
        return jar;
    }

    /**
     * Rewrites the uncompressed size the central directory gives for the first entry, as a zip
     * bomb would lie about it.
     */
    public static void claimSize(Path jar, int size) throws IOException {
        byte[] b = Files.readAllBytes(jar);
        for (int i = b.length - 46; i >= 0; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x01 && b[i + 3] == 0x02) {
                int at = i;
                // Find the first central header: keep going down to the lowest one.
                for (int j = i - 1; j >= 0; j--) {
                    if (b[j] == 0x50 && b[j + 1] == 0x4b && b[j + 2] == 0x01 && b[j + 3] == 0x02) {
                        at = j;
                    }
                }
                b[at + 24] = (byte) size;
                b[at + 25] = (byte) (size >>> 8);
                b[at + 26] = (byte) (size >>> 16);
                b[at + 27] = (byte) (size >>> 24);
                Files.write(jar, b);
                return;
            }
        }
        throw new IllegalStateException("no central directory in " + jar);
    }
}
