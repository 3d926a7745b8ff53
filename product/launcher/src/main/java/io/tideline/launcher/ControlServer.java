package io.tideline.launcher;

import io.tideline.launcher.spi.HeadlessConsole;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The server side of the {@link ControlChannel}: listens on {@code DATA_DIR/control.sock} while
 * a window or {@code serve} runs, and runs each command it receives through the framework's
 * {@link HeadlessConsole}, on a thread of its own, streaming the output back.
 *
 * <p>Only the user who runs Tideline can connect: the socket is readable and writable by its
 * owner only (0600) in the private data directory (0700), and each connection's peer credentials
 * must name that same user. The socket is bound right after the data directory is locked, before
 * the bundles start, so a second process that finds the directory locked finds the socket too;
 * commands that arrive while the bundles still start wait for them ({@link #ready}).
 */
final class ControlServer implements AutoCloseable {

    /** How long a command waits for the framework to finish starting, then for the command console. */
    private static final long START_WAIT_MILLIS = 60_000L;
    private static final long CONSOLE_WAIT_MILLIS = 30_000L;

    private final Path socket;
    private final ServerSocketChannel server;
    private final UserPrincipal owner;
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread acceptor;
    private volatile BundleContext context;

    private ControlServer(Path socket, ServerSocketChannel server, UserPrincipal owner) {
        this.socket = socket;
        this.server = server;
        this.owner = owner;
        this.acceptor = new Thread(this::accept, "tideline-control");
        acceptor.setDaemon(true);
    }

    /**
     * Binds the socket in {@code dataDir}, replacing one a Tideline that ended left behind (the
     * caller holds the data directory's lock, so no other Tideline listens there).
     *
     * @throws IOException naming the socket when it cannot be bound (its path is longer than the
     *     system allows, the folder is not writable)
     */
    static ControlServer open(Path dataDir) throws IOException {
        Path socket = ControlChannel.socketOf(dataDir).toAbsolutePath();
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            try {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the private data directory and the peer check remain.
            }
            ControlServer s = new ControlServer(socket, server, Files.getOwner(socket));
            s.acceptor.start();
            return s;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IOException(socket + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    /** The socket's path. */
    Path socket() {
        return socket;
    }

    /** Lets waiting and later commands run: the framework and its bundles have started. */
    void ready(BundleContext context) {
        this.context = context;
        started.countDown();
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                System.err.println("tideline: control channel: " + e.getMessage());
                continue;
            }
            Thread.ofVirtual().name("tideline-control-command").start(() -> serve(client));
        }
    }

    private void serve(SocketChannel client) {
        try (SocketChannel c = client) {
            DataOutputStream sink = new DataOutputStream(Channels.newOutputStream(c));
            UnixDomainPrincipal peer = c.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().equals(owner)) {
                answer(sink, "tideline: this Tideline runs as " + owner.getName() + "; commands from "
                        + peer.user().getName() + " are refused\n", 1);
                return;
            }
            List<String> request;
            try {
                request = ControlChannel.readRequest(Channels.newInputStream(c));
            } catch (IOException e) {
                answer(sink, "tideline: control channel: " + e.getMessage() + "\n", 2);
                return;
            }
            List<String> commandLine = request.subList(0, request.size() - 1);
            Path workingDir = Path.of(request.get(request.size() - 1));
            PrintStream out = new PrintStream(new BufferedOutputStream(new Frames(sink, ControlChannel.OUT)), true,
                    StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new BufferedOutputStream(new Frames(sink, ControlChannel.ERR)), true,
                    StandardCharsets.UTF_8);
            int code;
            try {
                code = run(commandLine, workingDir, out, err);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("tideline: the running Tideline is stopping; the command was not finished");
                code = 1;
            } catch (RuntimeException e) {
                err.println("tideline: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                code = 1;
            }
            out.flush();
            err.flush();
            synchronized (sink) {
                sink.writeByte(ControlChannel.EXIT);
                sink.writeInt(code);
                sink.flush();
            }
        } catch (IOException e) {
            // The client went away (Ctrl-C); the command, if it ran, has done its work.
        }
    }

    private int run(List<String> commandLine, Path workingDir, PrintStream out, PrintStream err)
            throws InterruptedException {
        if (!started.await(START_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            err.println("tideline: the running Tideline did not finish starting within "
                    + START_WAIT_MILLIS / 1000 + " s; try again, or see its log");
            return 1;
        }
        return execute(context, commandLine, workingDir, out, err);
    }

    /**
     * Runs a command line through the framework's {@link HeadlessConsole}, waiting for the
     * command bundle while it starts: what {@code --headless CMD} does in its own framework and
     * what a running Tideline does for a command sent to it.
     */
    static int execute(BundleContext context, List<String> commandLine, Path workingDir, PrintStream out,
            PrintStream err) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONSOLE_WAIT_MILLIS);
        ServiceReference<HeadlessConsole> ref;
        while ((ref = context.getServiceReference(HeadlessConsole.class)) == null) {
            if (System.nanoTime() > deadline || !cliBundleActive(context)) {
                err.println("tideline: the command console (bundle io.tideline.cli) is not running; see the errors"
                        + " above and check the bundles/ folder of the distribution");
                return 1;
            }
            Thread.sleep(20);
        }
        HeadlessConsole console = context.getService(ref);
        if (console == null) {
            err.println("tideline: the command console (bundle io.tideline.cli) stopped");
            return 1;
        }
        try {
            return console.execute(commandLine, workingDir, out, err);
        } finally {
            context.ungetService(ref);
        }
    }

    private static boolean cliBundleActive(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if ("io.tideline.cli".equals(b.getSymbolicName())) {
                return b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
            }
        }
        return false;
    }

    private static void answer(DataOutputStream sink, String error, int code) throws IOException {
        byte[] bytes = error.getBytes(StandardCharsets.UTF_8);
        sink.writeByte(ControlChannel.ERR);
        sink.writeInt(bytes.length);
        sink.write(bytes);
        sink.writeByte(ControlChannel.EXIT);
        sink.writeInt(code);
        sink.flush();
    }

    /** Stops listening and removes the socket; commands already running finish on their threads. */
    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    /** One output stream of a command as frames of its kind on the shared connection. */
    private static final class Frames extends OutputStream {

        private final DataOutputStream sink;
        private final byte kind;

        Frames(DataOutputStream sink, byte kind) {
            this.sink = sink;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            synchronized (sink) {
                sink.writeByte(kind);
                sink.writeInt(len);
                sink.write(b, off, len);
                sink.flush();
            }
        }
    }
}
