package io.tideline.platform.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/**
 * Builds what the trust tests need with the JDK's own tools: plain jars, key pairs with
 * self-signed certificates made by {@code keytool}, trust stores, and jars signed by the JDK's
 * jar signing API (the same code path as the {@code jarsigner} tool).
 */
final class TestJars {

    static final char[] PASSWORD = "changeit".toCharArray();

    private TestJars() {
    }

    /** A bundle-like jar with a manifest and the given entries (name to text). */
    static Path jar(Path file, Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "test." + file.getFileName().toString().replace(".jar", ""));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    /** The keytool of the JDK running the tests. */
    static Path keytool() {
        String javaHome = System.getProperty("java.home");
        Path tool = Path.of(javaHome, "bin", "keytool");
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException("no keytool at " + tool);
        }
        return tool;
    }

    /** Runs keytool; fails with its output when it fails. */
    static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(keytool().toString());
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + output);
        }
    }

    /** A PKCS12 key store holding one EC key pair with a self-signed certificate for {@code dname}. */
    static Path keyPair(Path store, String alias, String dname) throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD));
        return store;
    }

    /** Exports the certificate of a key pair as PEM. */
    static Path exportCertificate(Path keyStore, String alias, Path pem) throws IOException, InterruptedException {
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-file", pem.toString());
        return pem;
    }

    /** Imports a certificate into a PKCS12 trust store, as an admin would. */
    static Path trust(Path trustStore, String alias, Path certificate) throws IOException, InterruptedException {
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
        return trustStore;
    }

    /** Signs {@code unsigned} into {@code signed} with the key pair {@code alias} of {@code keyStore}. */
    static Path sign(Path unsigned, Path signed, Path keyStore, String alias) throws Exception {
        KeyStore keys = KeyStore.getInstance(keyStore.toFile(), PASSWORD);
        PrivateKey key = (PrivateKey) keys.getKey(alias, PASSWORD);
        CertPath path = CertificateFactory.getInstance("X.509")
                .generateCertPath(Arrays.asList(keys.getCertificateChain(alias)));
        JarSigner signer = new JarSigner.Builder(key, path).digestAlgorithm("SHA-256").signerName("TIDELINE").build();
        try (ZipFile in = new ZipFile(unsigned.toFile()); OutputStream out = Files.newOutputStream(signed)) {
            signer.sign(in, out);
        }
        return signed;
    }

    /** Copies a jar entry by entry, replacing the text of one entry (or adding it). */
    static Path rewrite(Path source, Path target, String entryName, String text) throws IOException {
        boolean replaced = false;
        try (ZipFile in = new ZipFile(source.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entryName)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    in.getInputStream(e).transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(entryName));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return target;
    }
}
