package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How this Tideline checks the store server's TLS certificate: pinned by its SHA-256
 * fingerprint ({@code certificateFingerprint=} in the store's cfg, as {@code tideline-db-server}
 * prints it), or against a trust store ({@code truststore=}, {@code .truststorePassword=}) with
 * the host name checked as well. The context is this connection's own: nothing JVM-wide
 * ({@code javax.net.ssl.*}, the default context) changes, so the HTTPS feeds keep theirs.
 *
 * @param context the client TLS context
 * @param description how the certificate is checked, for {@code db info} and messages
 * @param verifyHost whether the host name must match the certificate (trust store mode)
 */
record ServerTrust(SSLContext context, String description, boolean verifyHost) {

    /**
     * The trust of the store's cfg, or null when it asks for none (plain TCP, loopback only).
     *
     * @throws StoreException naming the cfg key and what was expected
     */
    static ServerTrust of(String fingerprint, String truststore, String truststorePassword) throws StoreException {
        boolean pinned = fingerprint != null && !fingerprint.isBlank();
        boolean stored = truststore != null && !truststore.isBlank();
        if (pinned && stored) {
            throw new StoreException(DerbyStoreComponent.PID + ".cfg sets both certificateFingerprint and truststore;"
                    + " set one of them");
        }
        if (pinned) {
            return pinned(fingerprint);
        }
        if (stored) {
            return stored(Path.of(truststore.strip()), truststorePassword == null ? "" : truststorePassword);
        }
        return null;
    }

    /** Trusts exactly the certificate with this SHA-256 fingerprint (hex, colons and case free). */
    static ServerTrust pinned(String fingerprint) throws StoreException {
        String hex = fingerprint.replace(":", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new StoreException(DerbyStoreComponent.PID + ".cfg: certificateFingerprint '" + fingerprint
                    + "' is not a SHA-256 fingerprint (expected 64 hex digits, with or without colons, as"
                    + " tideline-db-server prints it)");
        }
        byte[] pin = HexFormat.of().parseHex(hex);
        return new ServerTrust(context(new Pinned(pin)), "TLS, server certificate pinned (SHA-256 " + pretty(pin) + ")",
                false);
    }

    /** Trusts the certificates a PKCS#12 or JKS trust store vouches for. */
    static ServerTrust stored(Path file, String password) throws StoreException {
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), new SecureRandom());
            return new ServerTrust(context, "TLS, server certificate checked against " + file, true);
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException(DerbyStoreComponent.PID + ".cfg: cannot read the trust store " + file
                    + " (truststore=, a PKCS#12 or JKS file, and .truststorePassword= expected): " + e.getMessage(), e);
        }
    }

    /** Sets up a client socket: the host name checked in trust store mode. */
    void configure(SSLSocket socket) {
        if (verifyHost) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
        }
    }

    private static String pretty(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static SSLContext context(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK offers TLS", e);
        }
    }

    /**
     * Accepts a server whose own certificate has the pinned fingerprint and is valid today;
     * the chain above it does not matter (a self-signed certificate has none).
     */
    private static final class Pinned extends X509ExtendedTrustManager {

        private final byte[] pin;

        Pinned(byte[] pin) {
            this.pin = pin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            X509Certificate server = chain[0];
            byte[] actual;
            try {
                actual = MessageDigest.getInstance("SHA-256").digest(server.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e.getMessage(), e);
            }
            if (!MessageDigest.isEqual(actual, pin)) {
                throw new CertificateException("the server's certificate has the SHA-256 fingerprint " + pretty(actual)
                        + ", not the pinned " + pretty(pin) + " (certificateFingerprint in " + DerbyStoreComponent.PID
                        + ".cfg). If the server's certificate was renewed, pin the fingerprint tideline-db-server"
                        + " prints now; if not, something between this computer and the server poses as it");
            }
            try {
                server.checkValidity();
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new CertificateException("the server's certificate (the pinned one) is valid only from "
                        + server.getNotBefore().toInstant() + " to " + server.getNotAfter().toInstant()
                        + "; renew it on the server and pin the new fingerprint", e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a store client does not accept connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
