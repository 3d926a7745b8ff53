package io.tideline.platform.internal;

import io.tideline.api.platform.DeployTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a jar is checked against: the trusted certificates and the allowed SHA-256 digests, read
 * fresh from their files each time (so a certificate or digest an admin just added counts at
 * once), with every problem met while reading them in words that name the file and line.
 *
 * @param certificates the trusted certificates, in store order
 * @param allowed allowed SHA-256 digests, lower-case hex
 * @param problems what could not be read, e.g. "allow-list /x/allowed-sha256.txt line 3: ..."
 */
record TrustMaterial(List<X509Certificate> certificates, Set<String> allowed, List<String> problems) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> CERT_SUFFIXES = Set.of(".pem", ".crt", ".cer", ".der");

    TrustMaterial {
        certificates = List.copyOf(certificates);
        allowed = Collections.unmodifiableSet(new LinkedHashSet<>(allowed));
        problems = List.copyOf(problems);
    }

    /**
     * Reads the trust store and the allow-list.
     *
     * @param store a PKCS12 or JKS key store file, or a folder of PEM/DER certificate files
     * @param password the key store's password (unused for a folder)
     * @param allowList the allow-list file; a missing file allows nothing
     */
    static TrustMaterial load(Path store, char[] password, Path allowList) {
        List<String> problems = new ArrayList<>();
        List<X509Certificate> certs = readStore(store, password, problems);
        Set<String> allowed = readAllowList(allowList, problems);
        return new TrustMaterial(certs, allowed, problems);
    }

    static List<X509Certificate> readStore(Path store, char[] password, List<String> problems) {
        List<X509Certificate> certs = new ArrayList<>();
        if (Files.isDirectory(store)) {
            try (var files = Files.list(store)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (CERT_SUFFIXES.stream().anyMatch(name::endsWith)) {
                        readCertificates(file, certs, problems);
                    }
                }
            } catch (IOException e) {
                problems.add("trust store folder " + store + " cannot be listed: " + e);
            }
        } else if (Files.isRegularFile(store)) {
            try {
                // KeyStore.getInstance(File, ...) tells PKCS12 from JKS by the file's content.
                KeyStore keys = KeyStore.getInstance(store.toFile(), password);
                for (String alias : Collections.list(keys.aliases())) {
                    if (keys.getCertificate(alias) instanceof X509Certificate x509) {
                        certs.add(x509);
                    }
                }
            } catch (IOException | GeneralSecurityException e) {
                problems.add("trust store " + store + " cannot be read (" + e.getMessage()
                        + "); check the file and the truststore password of " + DeployTrust.PID);
            }
        } else {
            problems.add("trust store " + store + " does not exist");
        }
        return certs;
    }

    private static void readCertificates(Path file, List<X509Certificate> into, List<String> problems) {
        try (InputStream in = Files.newInputStream(file)) {
            // One factory reads PEM (one or more BEGIN CERTIFICATE blocks) and DER alike.
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x509) {
                    into.add(x509);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            problems.add("certificate file " + file + " cannot be read: " + e.getMessage()
                    + " (expected an X.509 certificate, PEM or DER)");
        }
    }

    /** Digests of the allow-list; a bad line allows nothing and is reported with its number. */
    static Set<String> readAllowList(Path file, List<String> problems) {
        Set<String> allowed = new LinkedHashSet<>();
        if (!Files.isRegularFile(file)) {
            return allowed;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("allow-list " + file + " cannot be read: " + e);
            return allowed;
        }
        for (int i = 0; i < lines.size(); i++) {
            String digest = digestOf(lines.get(i));
            if (digest == null) {
                continue;
            }
            if (SHA256.matcher(digest).matches()) {
                allowed.add(digest.toLowerCase(Locale.ROOT));
            } else {
                problems.add("allow-list " + file + " line " + (i + 1) + ": '" + digest
                        + "' is not a SHA-256 (expected 64 hex digits, optionally followed by the file name); line ignored");
            }
        }
        return allowed;
    }

    /** The first word of a line without its comment; null for a blank or comment-only line. */
    private static String digestOf(String line) {
        int hash = line.indexOf('#');
        String text = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (text.isEmpty()) {
            return null;
        }
        String[] words = text.split("\\s+", 2);
        // sha256sum writes "DIGEST *name" for binary mode; the digest is the first word either way.
        return words[0];
    }

    /**
     * Adds a digest to the allow-list unless it is already there, creating the file (with a
     * comment saying what it is) and its folder if needed.
     *
     * @return whether the digest was added
     */
    static synchronized boolean appendAllowed(Path file, String sha256, String fileName) throws IOException {
        List<String> ignored = new ArrayList<>();
        if (readAllowList(file, ignored).contains(sha256)) {
            return false;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append("# SHA-256 digests of jars allowed to run from deploy/ without a trusted signature.\n")
                    .append("# One per line, optionally followed by the file name; # starts a comment.\n");
        } else if (Files.size(file) > 0 && !endsWithNewline(file)) {
            text.append('\n');
        }
        text.append(sha256).append("  ").append(fileName.replaceAll("[\\r\\n]", "_")).append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return true;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }
}
