package io.tideline.dbserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes self-signed key pairs with the JDK's keytool (the JDK has no API to make a certificate),
 * for the server's public TLS key and the admin guard's loopback key alike. The key store's
 * password reaches keytool in its environment, never on its command line.
 */
final class Keytool {

    private static final String PASSWORD_VARIABLE = "TIDELINE_KEYTOOL_STOREPASS";

    private Keytool() {
    }

    /** A random password of 24 bytes, URL-safe Base64. */
    static String randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A folder inside {@code dir} that only this user can enter, for a key store's moment on disk. */
    static Path privateFolder(Path dir, String prefix) throws IOException {
        return Files.createTempDirectory(dir, prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Makes an EC (P-256) key pair with a self-signed certificate in a new PKCS12 key store.
     *
     * @param store the key store file to make
     * @param password its password
     * @param what what the key is for, in messages ("the server's TLS key")
     * @param options keytool's other options: alias, distinguished name, validity, extensions
     */
    static void genKeyPair(Path store, String password, String what, String... options) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-keyalg", "EC", "-groupname", "secp256r1"));
        command.addAll(List.of(options));
        command.addAll(List.of("-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:env",
                PASSWORD_VARIABLE));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put(PASSWORD_VARIABLE, password);
        Process process = pb.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not make " + what + " within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool could not make " + what + " (exit " + process.exitValue() + "): " + output);
        }
    }
}
