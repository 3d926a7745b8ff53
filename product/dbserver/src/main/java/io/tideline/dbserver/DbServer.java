package io.tideline.dbserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.derby.drda.NetworkServerControl;

/**
 * The team store server of {@code bin/tideline-db-server}: the Derby Network Server with
 * authentication required, tracing and connection logging off, its files private to their
 * owner, and its admin commands behind an {@link AdminGuard}.
 *
 * <p>Derby listens on a loopback port of its own and accepts only TLS clients that present a key
 * held in this process's memory ({@link LoopbackTls}); the guard, on the public host and port,
 * is the only such client. Usage:
 * {@code java -cp 'DIST/server/*' io.tideline.dbserver.DbServer --dir DIR [--host HOST] [--port PORT]
 * [--user NAME] [--reader NAME]... [--tls] [--keystore FILE]}.
 *
 * <p>The public listener speaks TLS ({@link ServerTls}) when {@code --tls} asks for it and always
 * on a host that is not loopback; its certificate's fingerprint is printed for the clients to
 * pin. The store users are one writer and read-only readers ({@link StoreUsers}).
 * Exit codes: 0 after a shutdown, 1 a failure (the reason on standard error), 2 wrong arguments.
 */
public final class DbServer {

    /** The file of Derby's system settings and users, in DIR. */
    public static final String PROPERTIES_FILE = "derby.properties";
    /** Derby's log, in DIR. */
    public static final String LOG_FILE = "derby.log";

    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    /** The password of the key store named by {@code --keystore}. */
    static final String KEYSTORE_PASSWORD_VARIABLE = "TIDELINE_DB_KEYSTORE_PASSWORD";
    private static final long START_WAIT_SECONDS = 60;
    /** Pings Derby missed in a row, a second apart, before the server counts as shut down. */
    private static final int MISSED_PINGS = 3;

    private DbServer() {
    }

    /** Runs the server until it is shut down, then exits. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, StoreUsers.fromEnvironmentOrTerminal());
    }

    static int run(String[] args, PrintStream out, PrintStream err, StoreUsers.Passwords passwords) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (NumberFormatException e) {
            err.println("tideline-db-server: --port needs a number");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("tideline-db-server: " + e.getMessage());
            return 2;
        }
        try {
            return serve(options, passwords, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("tideline-db-server: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Derby's NetworkServerControl declares plain Exception; its messages are its own words.
            err.println("tideline-db-server: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The command line.
     *
     * @param dir the server folder
     * @param host the address to listen on
     * @param port the port to listen on
     * @param user the writer: the collector's store user
     * @param readers the read-only store users
     * @param tls whether {@code --tls} asked for TLS (it is on anyway for a host not on loopback)
     * @param keystore the admin's key store, or null for the one made in the server folder
     */
    record Options(Path dir, String host, int port, String user, List<String> readers, boolean tls, Path keystore) {

        static Options parse(String[] args) {
            Path dir = null;
            String host = "127.0.0.1";
            int port = NetworkServerControl.DEFAULT_PORTNUMBER;
            String user = "tideline";
            List<String> readers = new ArrayList<>();
            boolean tls = false;
            Path keystore = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
                    case "--host" -> host = value(args, ++i, "--host");
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--user" -> user = StoreUsers.checkName("--user", value(args, ++i, "--user"));
                    case "--reader" -> readers.add(StoreUsers.checkName("--reader", value(args, ++i, "--reader")));
                    case "--tls" -> tls = true;
                    case "--keystore" -> keystore = Path.of(value(args, ++i, "--keystore"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--dir DIR is required");
            }
            return new Options(dir.toAbsolutePath(), host, port, user, List.copyOf(readers), tls || keystore != null,
                    keystore);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int serve(Options options, StoreUsers.Passwords passwords, PrintStream out, PrintStream err)
            throws Exception {
        Path dir = options.dir();
        String host = options.host();
        InetAddress address = InetAddress.getByName(host);
        // Derby's encrypted user id and password (securityMechanism=9) needs a DH group the
        // JDK no longer offers: off loopback only TLS keeps the passwords off the wire.
        boolean publicTlsOn = options.tls() || !address.isLoopbackAddress();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        StoreUsers.apply(dir.resolve(PROPERTIES_FILE), options.user(), options.readers(), passwords);
        secureFiles(dir);
        ServerTls publicTls = null;
        if (publicTlsOn) {
            publicTls = options.keystore() == null ? ServerTls.inFolder(dir, host)
                    : ServerTls.load(options.keystore(), keystorePassword(passwords));
        }
        System.setProperty("derby.system.home", dir.toString());
        System.setProperty("derby.drda.traceAll", "false");
        System.setProperty("derby.drda.logConnections", "false");
        System.setProperty("derby.drda.sslMode", "peerAuthentication");
        // Database files readable by their owner only, whatever the umask (Derby's default when
        // its server is started from the command line, but not through this API).
        System.setProperty("derby.storage.useDefaultFilePermissions", "false");
        // Derby's listener makes its TLS sockets from the default context: set it before Derby starts.
        SSLContext tls = LoopbackTls.create(dir);
        SSLContext.setDefault(tls);

        InetAddress loopback = InetAddress.getLoopbackAddress();
        int derbyPort = freeLoopbackPort();
        NetworkServerControl derby = new NetworkServerControl(loopback, derbyPort);
        derby.start(new PrintWriter(out, true));
        InetSocketAddress inner = new InetSocketAddress(loopback, derbyPort);
        awaitPing(tls, inner);
        // Derby made derby.log on its first start under the process umask.
        secureFiles(dir);

        ServerSocket listener = publicTls == null ? new ServerSocket(options.port(), 50, address)
                : publicTls.context().getServerSocketFactory().createServerSocket(options.port(), 50, address);
        try (AdminGuard guard = new AdminGuard(listener, tls.getSocketFactory(), inner, options.user(), err)) {
            guard.start();
            if (publicTls != null) {
                err.println("tideline-db-server: TLS on, certificate from " + publicTls.source() + ", valid until "
                        + publicTls.certificate().getNotAfter().toInstant());
                err.println("tideline-db-server: certificate SHA-256 fingerprint " + publicTls.fingerprint());
                err.println("tideline-db-server: clients put in io.tideline.store.derby.cfg: certificateFingerprint="
                        + publicTls.fingerprint());
            }
            err.println("tideline-db-server: store users: " + options.user() + " writes (the collector's; its schema "
                    + options.user().toUpperCase(java.util.Locale.ROOT) + " holds the store)"
                    + (options.readers().isEmpty() ? "" : "; " + String.join(", ", options.readers())
                            + " only read (their cfg: schema=" + options.user() + ")"));
            err.println("tideline-db-server: serving " + dir + " on " + host + ":" + options.port()
                    + (publicTls == null ? " without TLS (loopback only)" : " over TLS") + " (users in "
                    + dir.resolve(PROPERTIES_FILE) + "); admin commands other than ping and shutdown are refused");
            int missed = 0;
            while (missed < MISSED_PINGS) {
                Thread.sleep(1000);
                missed = pings(tls, inner) ? 0 : missed + 1;
            }
        }
        err.println("tideline-db-server: the store server has shut down");
        return 0;
    }

    /**
     * Makes DIR 0700 and Derby's settings and log 0600, and refuses settings without
     * authentication: the settings file holds the store users' passwords in clear text.
     */
    static void secureFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder");
        }
        Path settings = dir.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(settings)) {
            throw new IOException("no " + settings + ": start the server with bin/tideline-db-server, which writes"
                    + " it with the store user and password");
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(dir, PRIVATE_DIR);
            for (String name : new String[] {PROPERTIES_FILE, LOG_FILE}) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(file, PRIVATE_FILE);
                }
            }
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(settings)) {
            p.load(in);
        }
        if (!"true".equalsIgnoreCase(p.getProperty("derby.connection.requireAuthentication", "").strip())) {
            throw new IOException(settings + ": derby.connection.requireAuthentication is not true; a shared store"
                    + " must require a user and password (expected derby.connection.requireAuthentication=true,"
                    + " derby.authentication.provider=BUILTIN and a derby.user.NAME=PASSWORD line)");
        }
    }

    /** The password of an admin's key store: never from the command line. */
    private static char[] keystorePassword(StoreUsers.Passwords passwords) {
        char[] password = passwords.forUser("(the key store)", KEYSTORE_PASSWORD_VARIABLE);
        if (password == null) {
            throw new IllegalArgumentException("--keystore needs its password: set " + KEYSTORE_PASSWORD_VARIABLE
                    + " (no terminal to ask on)");
        }
        return password;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void awaitPing(SSLContext tls, InetSocketAddress derby) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WAIT_SECONDS);
        while (!pings(tls, derby)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the Derby Network Server did not start within " + START_WAIT_SECONDS
                        + " s; see derby.log in the server folder");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Derby's ping over the guard's TLS (NetworkServerControl's own client would connect in
     * plain text): the admin header with command 4 and three empty strings; Derby answers
     * {@code "RPY:"} and 0.
     */
    static boolean pings(SSLContext tls, InetSocketAddress derby) {
        byte[] ping = {'C', 'M', 'D', ':', 0, 1, 0, 0, AdminRequest.PING, 0, 0, 0, 0, 0, 0};
        try (Socket socket = tls.getSocketFactory().createSocket(derby.getAddress(), derby.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(ping);
            socket.getOutputStream().flush();
            byte[] reply = socket.getInputStream().readNBytes(5);
            return Arrays.equals(reply, new byte[] {'R', 'P', 'Y', ':', 0});
        } catch (IOException notAnswering) {
            return false;
        }
    }
}
