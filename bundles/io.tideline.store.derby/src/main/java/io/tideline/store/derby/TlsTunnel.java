package io.tideline.store.derby;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * TLS to the store server for Derby's network client, with this store's own trust
 * ({@link ServerTrust}). Derby's client offers TLS only as {@code ssl=basic}, which trusts any
 * certificate, or {@code ssl=peerAuthentication}, which trusts the JVM-wide default context (in
 * an OSGi framework shared with every HTTPS feed); neither takes a socket factory per
 * connection. So the client talks plain DRDA to a listener of this tunnel on a loopback port of
 * this process, and each connection it makes there is carried over a TLS connection this tunnel
 * opens, checks, and only then joins to it: no byte of a login leaves the computer unless the
 * server's certificate passed.
 *
 * <p>Connecting and the handshake are bounded ({@link #CONNECT_TIMEOUT_MILLIS},
 * {@link #HANDSHAKE_TIMEOUT_MILLIS}); the reason of the last failure is kept for the store's
 * message ({@link #lastFailure()}). Thread-safe: one platform thread accepts, each connection
 * is carried by two platform threads (at most the pool's few connections): a relay woken by
 * every DRDA reply, under load, waited for a carrier of the two-thread virtual scheduler.
 */
final class TlsTunnel implements AutoCloseable {

    /** How long connecting to the server may take. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** How long the server may take to complete the TLS handshake. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final ServerSocket local;
    private final String host;
    private final int port;
    private final ServerTrust trust;
    private volatile String lastFailure;

    /** Listens on a free loopback port for connections to carry to {@code host:port}. */
    TlsTunnel(String host, int port, ServerTrust trust) throws IOException {
        this.host = host;
        this.port = port;
        this.trust = trust;
        this.local = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "tideline-store-tls");
        accept.setDaemon(true);
        accept.start();
    }

    /** The loopback port Derby's client connects to. */
    int localPort() {
        return local.getLocalPort();
    }

    /** Why the last connection to the server failed, or null if the last one succeeded. */
    String lastFailure() {
        return lastFailure;
    }

    private void acceptLoop() {
        while (!local.isClosed()) {
            try {
                Socket client = local.accept();
                Thread.ofPlatform().daemon().name("tideline-store-tls-client").start(() -> carry(client));
            } catch (IOException e) {
                if (!local.isClosed()) {
                    lastFailure = "the store's TLS connection could not accept: " + e.getMessage();
                }
            }
        }
    }

    private void carry(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            SSLSocket server;
            try {
                server = connect();
            } catch (IOException e) {
                // Set before the client's socket closes (try-with-resources closes it before
                // any catch clause would run): Derby's client then fails, and the store asks
                // for the reason.
                lastFailure = describe(e);
                return;
            }
            lastFailure = null;
            try (server) {
                InputStream fromClient = client.getInputStream();
                OutputStream toServer = server.getOutputStream();
                Thread upstream = Thread.ofPlatform().daemon().name("tideline-store-tls-up")
                        .start(() -> copyThenClose(fromClient, toServer, client, server));
                copyThenClose(server.getInputStream(), client.getOutputStream(), client, server);
                upstream.join();
            }
        } catch (IOException e) {
            // The session's end, from either side: nothing to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connects and completes the handshake, each within its bound; nothing is sent before. */
    SSLSocket connect() throws IOException {
        Socket tcp = new Socket();
        try {
            tcp.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            // DRDA is request and reply: a request the tunnel passes on in two writes must not
            // wait for the first one's acknowledgement (Nagle's algorithm).
            tcp.setTcpNoDelay(true);
            SSLSocket tls = (SSLSocket) trust.context().getSocketFactory().createSocket(tcp, host, port, true);
            trust.configure(tls);
            tls.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            tls.startHandshake();
            tls.setSoTimeout(0);
            return tls;
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    /** What went wrong, in words a user can act on. */
    String describe(IOException e) {
        String at = "the store server at " + host + ":" + port;
        if (e instanceof UnknownHostException) {
            return "the store server's host " + host + " is unknown (check url in " + DerbyStoreComponent.PID + ".cfg)";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "nothing accepts connections at " + host + ":" + port + " (is tideline-db-server running there, on"
                    + " that port, and does the firewall let it through?): " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return at + " did not answer within " + (CONNECT_TIMEOUT_MILLIS / 1000) + " s: it does not run, a firewall"
                    + " drops the connection, or it runs without TLS (a cfg with certificateFingerprint or truststore"
                    + " needs tideline-db-server with --tls or a --host that is not loopback)";
        }
        if (e instanceof SSLException) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CertificateExpiredException expired) {
                    return "refused " + at + ": its certificate has expired (" + expired.getMessage() + "); renew it on"
                            + " the server and update the clients' trust";
                }
            }
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof CertificateException c) {
                    // The pinning check's own sentence, or the JDK's (trust store, host name).
                    return "refused " + at + ": " + (c.getMessage() != null && c.getMessage().startsWith("the server")
                            ? c.getMessage()
                            : "its TLS certificate is not trusted (" + trust.description() + "): " + e.getMessage());
                }
            }
            // No certificate was judged: the other side does not speak TLS, or hung up first.
            return "TLS with " + at + " failed (" + e.getMessage() + "): is it started with TLS (tideline-db-server"
                    + " --tls, or a --host that is not loopback)?";
        }
        return "the connection to " + at + " failed: " + e.getMessage();
    }

    /** Copies until either side ends, then closes both: a DRDA session is over when one side is. */
    private static void copyThenClose(InputStream from, OutputStream to, Socket a, Socket b) {
        try {
            from.transferTo(to);
        } catch (IOException ended) {
            // The other side closed: the finally block ends this side too.
        } finally {
            closeQuietly(a);
            closeQuietly(b);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed or reset: nothing left to release.
        }
    }

    /** Stops accepting; connections under way end with their sessions. */
    @Override
    public void close() {
        try {
            local.close();
        } catch (IOException ignored) {
            // Closing a listener that failed: nothing left to release.
        }
    }
}
