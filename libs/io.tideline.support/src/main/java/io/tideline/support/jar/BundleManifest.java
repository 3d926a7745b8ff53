package io.tideline.support.jar;

import io.tideline.support.text.Excerpt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.osgi.framework.Version;

/**
 * The bundle headers of a plugin jar, read before the jar is installed: its symbolic name and
 * version, checked against the OSGi syntax. The manifest is read through a cap of
 * {@value #MAX_BYTES} bytes whatever size the jar's directory claims, so a manifest of a gigabyte
 * or an entry that inflates to gigabytes (a zip bomb) is refused after at most that many bytes,
 * never held in memory.
 *
 * @param symbolicName the {@code Bundle-SymbolicName} without its directives, e.g. {@code com.acme.plugin}
 * @param version the {@code Bundle-Version}, {@code 0.0.0} when absent
 */
public record BundleManifest(String symbolicName, Version version) {

    /**
     * The largest manifest read. Bundle manifests with long Import-Package and Export-Package
     * headers reach a few hundred kilobytes; a larger one is not a plugin's.
     */
    public static final int MAX_BYTES = 1 << 20;

    /** OSGi Core 3.2.5: {@code symbolic-name ::= token('.'token)*}, {@code token ::= (alphanum|_|-)+}. */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

    /** How much of a bad header value a message quotes. */
    private static final int QUOTED = 80;

    /** Checks both headers are given. */
    public BundleManifest {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Reads and checks the bundle headers of {@code jar}.
     *
     * @throws IOException naming the jar by its file name when it is not a file, not a zip, has no
     *     manifest or a damaged or oversized one, or its Bundle-SymbolicName or Bundle-Version is
     *     missing or malformed; the message says what was expected
     */
    public static BundleManifest read(Path jar) throws IOException {
        String name = jar.getFileName() == null ? jar.toString() : jar.getFileName().toString();
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not a file");
        }
        byte[] bytes;
        long claimed;
        ZipFile opened;
        try {
            opened = new ZipFile(jar.toFile());
        } catch (IOException e) {
            // A ZipException with the JDK's words, or an EOFException without any when the file
            // ends before the zip's directory.
            throw new IOException(name + " is not a jar: " + (e.getMessage() == null
                    ? "the file ends before the zip directory" : reason(e)), e);
        }
        try (ZipFile zip = opened) {
            ZipEntry entry = zip.getEntry(JarFile.MANIFEST_NAME);
            if (entry == null) {
                throw new IOException(name + " is not an OSGi bundle: it has no " + JarFile.MANIFEST_NAME);
            }
            claimed = entry.getSize();
            if (claimed > MAX_BYTES) {
                throw new IOException(name + " is not an OSGi bundle: its manifest is " + count(claimed)
                        + " bytes, more than the " + count(MAX_BYTES) + " a bundle manifest may have");
            }
            bytes = readCapped(zip, entry, name);
        } catch (ZipException e) {
            throw new IOException(name + " is not a jar: " + reason(e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException(name + " is not an OSGi bundle: its manifest expands to more than "
                    + count(MAX_BYTES) + " bytes, more than a bundle manifest may have");
        }
        Manifest manifest;
        try {
            manifest = new Manifest(new ByteArrayInputStream(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(name + " has a damaged manifest (" + reason(e)
                    + "); expected lines such as Bundle-SymbolicName: com.acme.plugin", e);
        }
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            throw new IOException(name + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        // Directives and attributes follow the name after a semicolon (;singleton:=true).
        int semicolon = symbolicName.indexOf(';');
        String bare = (semicolon < 0 ? symbolicName : symbolicName.substring(0, semicolon)).strip();
        if (!SYMBOLIC_NAME.matcher(bare).matches()) {
            throw new IOException(name + ": Bundle-SymbolicName '" + Excerpt.printable(bare, QUOTED)
                    + "' is not a symbolic name; expected words of letters, digits, _ and - joined by dots,"
                    + " such as com.acme.plugin");
        }
        String versionText = manifest.getMainAttributes().getValue("Bundle-Version");
        Version version;
        try {
            version = versionText == null ? Version.emptyVersion : Version.parseVersion(versionText);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": Bundle-Version '" + Excerpt.printable(versionText.strip(), QUOTED)
                    + "' is not a version; expected MAJOR.MINOR.MICRO.QUALIFIER such as 1.2.0 or 1.2.0.beta1"
                    + " (whole numbers, then letters, digits, _ or -)", e);
        }
        return new BundleManifest(bare, version);
    }

    /**
     * The manifest's bytes, at most one past the cap whatever the directory says: an entry may
     * claim a small size and inflate to gigabytes.
     */
    private static byte[] readCapped(ZipFile zip, ZipEntry entry, String name) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (ZipException e) {
            throw e;
        } catch (IOException e) {
            // Damaged compressed data ends in an EOFException without words, or an inflater's message.
            throw new IOException(name + " is not a jar: its manifest cannot be inflated (" + (e.getMessage() == null
                    ? "the compressed data ends early" : Excerpt.printable(e.getMessage(), 200)) + ")", e);
        }
    }

    /** The JDK's words for a damaged zip or manifest, quoted safely; never an exception's class. */
    private static String reason(Exception e) {
        return e.getMessage() == null ? "unreadable" : Excerpt.printable(e.getMessage(), 200);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
