package io.tideline.dbserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context whose one key exists only in this process's memory: Derby's own listener
 * requires it from every client ({@code derby.drda.sslMode=peerAuthentication}) and only the
 * admin guard holds it, so no other process (of this user or another) can talk to Derby except
 * through the guard, and so none can send Derby an admin command the guard refuses.
 *
 * <p>The JDK has no API to make a certificate, so the key pair is made by the JDK's
 * {@code keytool} into a private temporary folder, read into memory and deleted at once. The
 * key store password is random, handed to keytool in its environment (never its command line).
 */
final class LoopbackTls {


    private LoopbackTls() {
    }

    /**
     * Makes a fresh self-signed key pair and a context that presents it and trusts only it.
     *
     * @param workDir a folder of the server's own, for the moment the key store is on disk
     */
    static SSLContext create(Path workDir) throws IOException, GeneralSecurityException, InterruptedException {
        char[] password = Keytool.randomPassword().toCharArray();
        Path tmp = Keytool.privateFolder(workDir, ".guard-");
        try {
            Path store = tmp.resolve("guard.p12");
            Keytool.genKeyPair(store, new String(password), "the guard's key", "-alias", "guard",
                    "-dname", "CN=tideline-db-guard", "-validity", "36500");
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            // A PKCS12 key entry's own certificate counts as trusted: the guard and Derby present
            // the same certificate, and nothing else is accepted by either side.
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
