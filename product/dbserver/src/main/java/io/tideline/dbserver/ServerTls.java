package io.tideline.dbserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity on the public port: a key and certificate in a PKCS#12 key store,
 * either the admin's ({@code --keystore}) or one made on first start in the server folder
 * ({@link #KEYSTORE_FILE}, its random password in {@link #PASSWORD_FILE}, both 0600), kept
 * across restarts so the certificate's fingerprint that clients pin stays the same.
 *
 * @param context the server-side TLS context (no client certificates asked for)
 * @param certificate the certificate presented to clients
 * @param source where the key store is, for messages
 */
record ServerTls(SSLContext context, X509Certificate certificate, Path source) {

    /** The key store made on first start, in the server folder. */
    static final String KEYSTORE_FILE = "tls-keystore.p12";
    /** Its password, in the server folder. */
    static final String PASSWORD_FILE = "tls-keystore.password";
    /** How long a made certificate is valid; renewing it means clients pin a new fingerprint. */
    static final int VALIDITY_DAYS = 3650;


    /**
     * The server folder's key store, made on first start with a certificate naming
     * {@code host}, this computer's name and the loopback addresses.
     */
    static ServerTls inFolder(Path dir, String host) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path store = dir.resolve(KEYSTORE_FILE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(store)) {
            create(dir, store, passwordFile, host);
        }
        if (!Files.isRegularFile(passwordFile)) {
            throw new IOException(store + " has no password file " + passwordFile + " beside it: delete " + store
                    + " to have a new certificate made (clients then pin its new fingerprint)");
        }
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        return load(store, password);
    }

    /** The admin's key store; its password comes from the environment or the terminal. */
    static ServerTls load(Path store, char[] password) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot read the TLS key store " + store + " (a PKCS#12 file and its password"
                    + " expected): " + e.getMessage(), e);
        }
        String alias = null;
        for (String a : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(a)) {
                if (alias != null) {
                    throw new IOException("the TLS key store " + store + " holds more than one key (" + alias + ", "
                            + a + "); expected one");
                }
                alias = a;
            }
        }
        if (alias == null) {
            throw new IOException("the TLS key store " + store + " holds no key; expected one key with its certificate");
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate(alias);
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IOException("the TLS certificate in " + store + " is valid only from " + certificate.getNotBefore()
                    + " to " + certificate.getNotAfter() + "; clients would refuse it. Renew it (docs/team-mode-security.md)");
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, new SecureRandom());
        return new ServerTls(context, certificate, store);
    }

    /** The certificate's SHA-256 fingerprint, as keytool prints it: upper-case hex pairs with colons. */
    String fingerprint() {
        return fingerprint(certificate);
    }

    /** A certificate's SHA-256 fingerprint as keytool prints it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256 and encodes its certificates", e);
        }
    }

    /**
     * Makes the key store with the JDK's keytool (the JDK has no API to make a certificate):
     * into a private temporary folder, then moved into place with its password file, so a
     * failed start leaves neither. The password is random and reaches keytool in its
     * environment, never on its command line.
     */
    private static void create(Path dir, Path store, Path passwordFile, String host) throws IOException,
            InterruptedException {
        String password = Keytool.randomPassword();
        Path tmp = Keytool.privateFolder(dir, ".tls-");
        try {
            Path madeStore = tmp.resolve(KEYSTORE_FILE);
            Keytool.genKeyPair(madeStore, password, "the server's TLS key", "-alias", "tideline-db-server",
                    "-dname", "CN=" + commonName(host) + ", O=Tideline store server",
                    "-ext", "SAN=" + subjectAlternativeNames(host), "-validity", Integer.toString(VALIDITY_DAYS));
            Path madePassword = tmp.resolve(PASSWORD_FILE);
            Files.writeString(madePassword, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(madeStore, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(madePassword, PosixFilePermissions.fromString("rw-------"));
            // The password first: a key store without it is refused with what to do; the other
            // way round a restart would make a second key and the fingerprint would change.
            Files.move(madePassword, passwordFile, StandardCopyOption.ATOMIC_MOVE);
            Files.move(madeStore, store, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try (var paths = Files.walk(tmp)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String commonName(String host) {
        return isWildcard(host) ? localName() : host;
    }

    /**
     * The names a client may use for the server: the host it listens on (unless all
     * interfaces), this computer's name, localhost and the loopback addresses.
     */
    static String subjectAlternativeNames(String host) {
        Set<String> names = new LinkedHashSet<>();
        if (!isWildcard(host)) {
            names.add(entry(host));
        }
        names.add(entry(localName()));
        names.add("DNS:localhost");
        names.add("IP:127.0.0.1");
        names.add("IP:::1");
        return String.join(",", names);
    }

    private static String entry(String host) {
        return host.matches("[0-9.]+") || host.contains(":") ? "IP:" + host : "DNS:" + host;
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
