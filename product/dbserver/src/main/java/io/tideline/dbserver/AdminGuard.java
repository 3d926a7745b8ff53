package io.tideline.dbserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLException;
import jdk.net.ExtendedSocketOptions;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The store server's public listener. Database sessions are passed to Derby unchanged; of
 * Derby's admin commands only {@code ping}, and {@code shutdown} from this computer (Derby
 * checks its credentials), get through. {@code trace}, {@code traceDirectory},
 * {@code logConnections}, {@code sysinfo}, {@code runtimeinfo}, {@code properties},
 * {@code maxthreads} and {@code timeslice} are answered with an error in Derby's own reply
 * format, since Derby accepts them from any local process without credentials and a trace
 * records what clients send.
 *
 * <p>Thread-safe: one platform thread accepts, each connection runs on virtual threads.
 */
final class AdminGuard implements AutoCloseable {

    /** How long a client may take to send its opening bytes before it is dropped. */
    private static final int OPENING_TIMEOUT_MILLIS = 30_000;

    private final ServerSocket listener;
    private final SSLSocketFactory toDerby;
    private final InetSocketAddress derby;
    private final PrintStream log;
    /** The store user that writes: the only one whose shutdown is passed on. */
    private final String writer;

    AdminGuard(ServerSocket listener, SSLSocketFactory toDerby, InetSocketAddress derby, String writer, PrintStream log) {
        this.listener = listener;
        this.writer = writer;
        this.toDerby = toDerby;
        this.derby = derby;
        this.log = log;
    }

    /** Starts accepting on a daemon thread. */
    void start() {
        Thread accept = new Thread(this::acceptLoop, "tideline-db-guard");
        accept.setDaemon(true);
        accept.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().name("tideline-db-client").start(() -> handle(client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    log.println("tideline-db-server: accepting a connection failed: " + e.getMessage());
                }
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            // DRDA is request and reply: what the guard passes on in two writes must not wait
            // for the first one's acknowledgement (Nagle's algorithm).
            client.setTcpNoDelay(true);
            client.setSoTimeout(OPENING_TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            AdminRequest request = AdminRequest.read(in);
            String refusal = refusal(request, client.getInetAddress(), writer);
            if (refusal != null) {
                log.println("tideline-db-server: refused admin command " + request.name() + " from "
                        + client.getInetAddress().getHostAddress());
                out.write(AdminRequest.errorReply(refusal));
                out.flush();
                return;
            }
            client.setSoTimeout(0);
            Socket raw = new Socket();
            try (raw; SSLSocket server = (SSLSocket) toDerby.createSocket(connected(raw), derby.getHostString(),
                    derby.getPort(), true)) {
                server.startHandshake();
                OutputStream toServer = server.getOutputStream();
                toServer.write(request.opening());
                toServer.flush();
                Thread upstream = Thread.ofVirtual().name("tideline-db-upstream")
                        .start(() -> copyThenClose(in, toServer, server, client));
                copyAckingThenClose(server.getInputStream(), out, raw, server, client);
                upstream.join();
            }
        } catch (SSLException e) {
            // On a TLS port: a client without TLS (a cfg without certificateFingerprint or
            // truststore), or one that refused the certificate. The admin sees which.
            log.println("tideline-db-server: TLS handshake with " + client.getInetAddress().getHostAddress()
                    + " failed (" + e.getMessage() + "); a client without TLS, or one that does not trust this"
                    + " server's certificate");
        } catch (IOException e) {
            // A client that left or sent nothing: nothing of it reached Derby, nothing to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reason an admin command is refused, or null to pass it (and every session) on. */
    static String refusal(AdminRequest request, InetAddress from, String writer) {
        return switch (request.command()) {
            case AdminRequest.SESSION, AdminRequest.PING -> null;
            case AdminRequest.SHUTDOWN -> !local(from)
                    ? "shutdown is accepted only on the server's own computer, with the store user's credentials"
                    // Derby compares user names as SQL identifiers: case does not matter here.
                    : !writer.equalsIgnoreCase(request.user())
                            ? "shutdown is accepted only with the credentials of the store user that writes ('" + writer
                                    + "'); a read-only user cannot stop the server"
                            : null;
            default -> request.name() + " is refused by this Tideline store server: without credentials any"
                    + " local process could switch on tracing (which records what clients send) or read the"
                    + " server's settings. Only ping, and shutdown with the store user's credentials"
                    + " (-user NAME -password PASSWORD), are accepted. See docs/secrets.md.";
        };
    }

    private static boolean local(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
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

    /** {@code raw} connected to Derby, with Nagle's algorithm off as on every hop of a session. */
    private Socket connected(Socket raw) throws IOException {
        raw.setTcpNoDelay(true);
        raw.connect(derby);
        return raw;
    }

    /**
     * Copies Derby's replies to the client as {@link #copyThenClose} does, acknowledging what
     * Derby sent at once. Derby writes a reply larger than one TLS record (a chunk of a year of
     * hourly bars, say) as two records without TCP_NODELAY, so Nagle's algorithm holds the second
     * until the first is acknowledged, and a delayed acknowledgement made every such reply wait
     * 40 ms (a year's read took 160 ms instead of 15). Linux leaves quick-acknowledgement mode by
     * itself, hence it is asked for again after each read; elsewhere the option does not exist.
     */
    private static void copyAckingThenClose(InputStream from, OutputStream to, Socket raw, Socket a, Socket b) {
        boolean quickAck = raw.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        byte[] buffer = new byte[32_768];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                if (quickAck) {
                    raw.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                }
            }
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

    /** Stops accepting; sessions under way end when Derby or their client ends them. */
    @Override
    public void close() throws IOException {
        listener.close();
    }
}
