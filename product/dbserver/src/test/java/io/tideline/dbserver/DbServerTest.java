package io.tideline.dbserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store server in its own process on a loopback port, as bin/tideline-db-server starts it:
 * real Derby, real sockets, Derby's own NetworkServerControl client and JDBC driver as the
 * other side.
 */
class DbServerTest {

    private static final String USER = "tideline";
    private static final String PASSWORD = "s3cret-Pa55-7e1f";

    @TempDir
    Path home;

    private Path log;
    private Process server;
    private int port;

    @BeforeEach
    void writeSettingsReadableByAll() throws IOException {
        Files.writeString(home.resolve(DbServer.PROPERTIES_FILE), """
                derby.connection.requireAuthentication=true
                derby.authentication.provider=BUILTIN
                derby.user.%s=%s
                derby.drda.traceAll=true
                """.formatted(USER, PASSWORD));
        Files.setPosixFilePermissions(home.resolve(DbServer.PROPERTIES_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = Files.createTempFile("dbserver", ".log");
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }

    private void startServer() throws Exception {
        startServer(Map.of());
    }

    private void startServer(Map<String, String> env, String... options) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("--dir", home.toString(), "--port", Integer.toString(port)));
        if (!List.of(options).contains("--host")) {
            args.addAll(List.of("--host", "127.0.0.1"));
        }
        args.addAll(List.of(options));
        ProcessBuilder pb = java(DbServer.class, args.toArray(String[]::new));
        pb.environment().putAll(env);
        server = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).contains("tideline-db-server: serving")) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new AssertionError("the store server did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static ProcessBuilder java(Class<?> main, String... args) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private String url() {
        return "jdbc:derby://127.0.0.1:" + port + "/tideline;create=true";
    }

    private Connection connect() throws Exception {
        return connect("");
    }

    private Connection connect(String attributes) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection(url() + attributes, p);
    }

    @Test
    void unauthenticatedAdminCommandsAreRefusedWhileSessionsAndPingPass() throws Exception {
        startServer();
        NetworkServerControl admin = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);

        assertThatThrownBy(() -> admin.trace(true)).hasMessageContaining("trace is refused by this Tideline store server");
        assertThatThrownBy(() -> admin.setTraceDirectory(home.resolve("stolen").toString()))
                .hasMessageContaining("traceDirectory is refused");
        // Derby's client answers its own words to an error on the commands that fetch a text
        // ("Error getting RuntimeInfo information"): the server's log names the refusal.
        assertThatThrownBy(admin::getRuntimeInfo).isInstanceOf(Exception.class);
        assertThatThrownBy(admin::getSysinfo).isInstanceOf(Exception.class);
        assertThatThrownBy(admin::getCurrentProperties).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> admin.logConnections(true)).hasMessageContaining("logConnections is refused");
        assertThatThrownBy(() -> admin.setMaxThreads(1)).hasMessageContaining("maxthreads is refused");
        admin.ping();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v INT)");
            s.execute("INSERT INTO t VALUES (42)");
            try (ResultSet r = s.executeQuery("SELECT v FROM t")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(Files.readString(log)).contains("refused admin command trace from 127.0.0.1",
                "refused admin command traceDirectory from 127.0.0.1", "refused admin command runtimeinfo from 127.0.0.1",
                "refused admin command sysinfo from 127.0.0.1", "refused admin command properties from 127.0.0.1",
                "refused admin command logConnections from 127.0.0.1", "refused admin command maxthreads from 127.0.0.1")
                .doesNotContain("refused admin command ping");
        assertThat(Files.exists(home.resolve("stolen"))).isFalse();
        try (Stream<Path> files = Files.walk(home)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("no trace file, though derby.properties asked for traceAll")
                    .noneMatch(f -> f.getFileName().toString().endsWith(".trace"));
            for (Path f : all) {
                if (!f.equals(home.resolve(DbServer.PROPERTIES_FILE))) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                            .as("the password in %s", f).doesNotContain(PASSWORD);
                }
            }
        }
        assertThat(Files.readString(log)).doesNotContain(PASSWORD);
    }

    @Test
    void theCommandLineTraceOnIsRefusedWithTheReason() throws Exception {
        startServer();
        Process trace = java(NetworkServerControl.class, "trace", "on", "-h", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).start();
        String output = new String(trace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(trace.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(trace.exitValue()).isNotZero();
        assertThat(output).contains("trace is refused by this Tideline store server");
    }

    @Test
    void derbysOwnListenerTakesNoCommandFromAProcessWithoutTheGuardsKey() throws Exception {
        startServer();
        Matcher m = Pattern.compile("accept SSL connections with client authentication on port (\\d+)")
                .matcher(Files.readString(log));
        assertThat(m.find()).as("Derby's own listener requires client certificates: %s", Files.readString(log)).isTrue();
        int inner = Integer.parseInt(m.group(1));

        NetworkServerControl direct = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), inner);
        assertThatThrownBy(() -> direct.trace(true)).isInstanceOf(Exception.class);
        assertThat(Files.readString(log)).doesNotContain("Trace turned on");
        try (Connection c = connect()) {
            assertThat(c.isValid(5)).as("the server still serves after the attempt").isTrue();
        }
    }

    @Test
    void theServerFolderAndItsSecretsArePrivateToTheirOwner() throws Exception {
        startServer();
        try (Connection c = connect()) {
            assertThat(c.isValid(5)).isTrue();
        }

        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(home.resolve(DbServer.PROPERTIES_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home.resolve(DbServer.LOG_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the guard's key store is deleted once read")
                    .noneMatch(n -> n.startsWith(".guard-"));
        }
    }

    @Test
    void shutdownNeedsTheStoreUsersCredentials() throws Exception {
        startServer();
        NetworkServerControl anonymous = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
        assertThatThrownBy(anonymous::shutdown).isInstanceOf(Exception.class);
        assertThat(server.isAlive()).isTrue();

        new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port, USER, PASSWORD).shutdown();

        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        assertThat(Files.readString(log)).contains("the store server has shut down").doesNotContain(PASSWORD);
    }

    @Test
    void aReadOnlyUserCannotStopTheServer() throws Exception {
        startServer(Map.of("TIDELINE_DB_PASSWORD_BOB", "b0b-Pa55-x"), "--reader", "bob");
        NetworkServerControl reader = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port, "bob",
                "b0b-Pa55-x");
        assertThatThrownBy(reader::shutdown).hasMessageContaining("a read-only user cannot stop the server")
                .hasMessageContaining("'" + USER + "'");
        assertThat(server.isAlive()).isTrue();
        assertThat(Files.readString(log)).contains("refused admin command shutdown").doesNotContain("b0b-Pa55-x");
        try (Connection c = connect()) {
            assertThat(c.isValid(5)).as("still serving after the refused shutdown").isTrue();
        }

        new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port, USER, PASSWORD).shutdown();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
    }

    @Test
    void settingsWithoutAuthenticationGetItBackWithTheRolesOnStart() throws Exception {
        Files.writeString(home.resolve(DbServer.PROPERTIES_FILE), """
                derby.connection.requireAuthentication=false
                derby.user.tideline=%s
                """.formatted(PASSWORD));
        startServer();

        Properties settings = new Properties();
        try (var in = Files.newInputStream(home.resolve(DbServer.PROPERTIES_FILE))) {
            settings.load(in);
        }
        assertThat(settings).containsEntry("derby.connection.requireAuthentication", "true")
                .containsEntry("derby.database.sqlAuthorization", "true")
                .containsEntry("derby.database.defaultConnectionMode", "noAccess")
                .containsEntry("derby.database.fullAccessUsers", USER)
                .containsEntry("derby.user.tideline", PASSWORD)
                .doesNotContainKey("derby.database.readOnlyAccessUsers");
        assertThatThrownBy(() -> DriverManager.getConnection(url())).isInstanceOf(java.sql.SQLException.class);
        try (Connection c = connect()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aReaderWithoutAPasswordIsRefusedNamingTheVariableAndTheSettingsStayAsTheyWere() throws Exception {
        String before = Files.readString(home.resolve(DbServer.PROPERTIES_FILE));
        Process p = java(DbServer.class, "--dir", home.toString(), "--port", "1", "--reader", "bob")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("tideline-db-server: no password for store user 'bob': set TIDELINE_DB_PASSWORD_BOB"
                + " (no terminal to ask on)").doesNotContain("Exception");
        assertThat(Files.readString(home.resolve(DbServer.PROPERTIES_FILE))).isEqualTo(before);
    }

    @Test
    void aUserNameThatIsNoIdentifierIsRefused() throws Exception {
        Process p = java(DbServer.class, "--dir", home.toString(), "--reader", "bob; DROP").redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("--reader 'bob; DROP' is not a store user name (expected a letter, then letters,"
                + " digits or _)");
    }

    @Test
    void readersAreAddedWithTheirPasswordsFromTheEnvironment() throws Exception {
        startServer(Map.of("TIDELINE_DB_PASSWORD_BOB", "b0b-Pa55-x"), "--reader", "bob");

        Properties settings = new Properties();
        try (var in = Files.newInputStream(home.resolve(DbServer.PROPERTIES_FILE))) {
            settings.load(in);
        }
        assertThat(settings).containsEntry("derby.user.bob", "b0b-Pa55-x")
                .containsEntry("derby.database.readOnlyAccessUsers", "bob")
                .containsEntry("derby.database.fullAccessUsers", USER);
        assertThat(Files.readString(log)).contains("bob only read (their cfg: schema=tideline)")
                .doesNotContain("b0b-Pa55-x").doesNotContain(PASSWORD);
    }

    @Test
    void offLoopbackTheServerSpeaksOnlyTlsWithAKeyStoreMadeOnFirstStartAndKept() throws Exception {
        startServer(Map.of(), "--host", "0.0.0.0");
        String first = fingerprint();
        assertThat(Files.readString(log)).contains("over TLS");
        assertThat(Files.getPosixFilePermissions(home.resolve(ServerTls.KEYSTORE_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home.resolve(ServerTls.PASSWORD_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(this::connect).as("a plain client is refused").hasMessageContaining("SSL");
        try (Connection c = connect(";ssl=basic")) {
            assertThat(c.isValid(5)).isTrue();
        }
        String keystorePassword = Files.readString(home.resolve(ServerTls.PASSWORD_FILE)).strip();
        stopServer();

        server = null;
        Files.writeString(log, "");
        startServer(Map.of(), "--tls");
        assertThat(fingerprint()).as("the same certificate after a restart").isEqualTo(first);
        assertThat(Files.readString(log)).doesNotContain(keystorePassword).doesNotContain(PASSWORD);
    }

    @Test
    void anExpiredCertificateIsRefusedAtStart() throws Exception {
        Path store = home.resolveSibling(home.getFileName() + "-expired.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "old", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-startdate", "-10d", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try {
            ProcessBuilder pb = java(DbServer.class, "--dir", home.toString(), "--port", "1", "--keystore",
                    store.toString()).redirectErrorStream(true);
            pb.environment().put(DbServer.KEYSTORE_PASSWORD_VARIABLE, "changeit");
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(output).contains("the TLS certificate in " + store + " is valid only from")
                    .contains("clients would refuse it");
        } finally {
            Files.deleteIfExists(store);
        }
    }

    private String fingerprint() throws IOException {
        Matcher m = Pattern.compile("certificate SHA-256 fingerprint ([0-9A-F:]{95})").matcher(Files.readString(log));
        assertThat(m.find()).as("a fingerprint printed: %s", Files.readString(log)).isTrue();
        return m.group(1);
    }
}
