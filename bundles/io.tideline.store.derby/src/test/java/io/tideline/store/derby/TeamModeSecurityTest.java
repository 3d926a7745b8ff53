package io.tideline.store.derby;

import static io.tideline.store.derby.StoreFixture.DAY;
import static io.tideline.store.derby.StoreFixture.T0;
import static io.tideline.store.derby.StoreFixture.daily;
import static io.tideline.store.derby.StoreFixture.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import io.tideline.api.store.StoreException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode secured on the wire, with real processes on loopback: the store server of
 * bin/tideline-db-server ({@link TeamServerProcess}) with TLS and its key store made on first
 * start, its writer and a read-only reader; store instances on it standing for the collector
 * and a workbench. Failures must come back as a sentence, within the store's bounds.
 */
class TeamModeSecurityTest {

    private static final SeriesId ID = SeriesId.parse("fred:DGS10");

    @TempDir
    Path work;

    private TeamServerProcess server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private TeamServerProcess tlsServer() throws Exception {
        server = new TeamServerProcess(work.resolve("server")).start("--tls");
        return server;
    }

    private ChunkedSeriesStore open(String user, String password, ServerTrust trust, String schema)
            throws StoreException {
        return new ChunkedSeriesStore(DerbyDatabase.network(server.url(), user, password, trust, schema), true);
    }

    private ChunkedSeriesStore writer() throws Exception {
        return open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD, ServerTrust.pinned(server.fingerprint()),
                null);
    }

    private ChunkedSeriesStore reader(String schema) throws Exception {
        return open(TeamServerProcess.READER, TeamServerProcess.READER_PASSWORD,
                ServerTrust.pinned(server.fingerprint()), schema);
    }

    @Test
    void aClientPinningTheServersFingerprintWritesAndReadsOverTls() throws Exception {
        tlsServer();
        ChunkedSeriesStore collector = writer();
        try {
            collector.upsert(descriptor(ID.toString()), daily(0, 30, 4.0));

            assertThat(collector.read(ID, T0, T0 + 29 * DAY).size()).isEqualTo(30);
            assertThat(collector.readOnly()).isNull();
            assertThat(collector.source().transport()).startsWith("TLS, server certificate pinned (SHA-256 "
                    + server.fingerprint() + ")");
        } finally {
            collector.source().close();
        }
        Path keystore = server.home().resolve("tls-keystore.p12");
        assertThat(Files.getPosixFilePermissions(keystore)).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(server.home().resolve("tls-keystore.password"))).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(server.fingerprint()).as("the printed fingerprint is the key store's certificate's")
                .isEqualTo(fingerprintOf(keystore, Files.readString(server.home().resolve("tls-keystore.password")).strip()));
    }

    @Test
    void aWrongFingerprintIsRefusedWithBothFingerprintsAndNothingIsSent() throws Exception {
        tlsServer();
        String wrong = "AB".repeat(32);

        assertThatThrownBy(() -> open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD,
                ServerTrust.pinned(wrong), null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to the store at " + server.url() + " as user tideline")
                .hasMessageContaining("the server's certificate has the SHA-256 fingerprint " + server.fingerprint())
                .hasMessageContaining("not the pinned " + HexFormat.ofDelimiter(":").withUpperCase()
                        .formatHex(HexFormat.of().parseHex(wrong.toLowerCase())))
                .hasMessageNotContaining(TeamServerProcess.WRITER_PASSWORD);
        assertThat(Files.exists(server.home().resolve("tideline"))).as("no session reached Derby, none created the"
                + " database").isFalse();
    }

    @Test
    void aTrustStoreHoldingTheServersCertificateIsAcceptedWithTheHostNameCheckedAndOneWithoutIsRefused()
            throws Exception {
        tlsServer();
        Path keystore = server.home().resolve("tls-keystore.p12");
        KeyStore serverKeys = KeyStore.getInstance(keystore.toFile(),
                Files.readString(server.home().resolve("tls-keystore.password")).strip().toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("store-server", serverKeys.getCertificate(serverKeys.aliases().nextElement()));
        Path truststore = work.resolve("trust.p12");
        try (var out = Files.newOutputStream(truststore)) {
            trusted.store(out, "trust-pw".toCharArray());
        }
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        empty.setCertificateEntry("someone-else", certificateOf(work.resolve("other.p12")));
        Path otherStore = work.resolve("other-trust.p12");
        try (var out = Files.newOutputStream(otherStore)) {
            empty.store(out, "trust-pw".toCharArray());
        }

        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String url = "jdbc:derby://" + host + ":" + server.port() + "/tideline;create=true";
            ConnectionSource source = DerbyDatabase.network(url, TeamServerProcess.WRITER,
                    TeamServerProcess.WRITER_PASSWORD, ServerTrust.of("", truststore.toString(), "trust-pw"), null);
            try (Connection c = source.open()) {
                assertThat(c.isValid(5)).as("over %s", host).isTrue();
            } finally {
                source.close();
            }
        }
        assertThatThrownBy(() -> open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD,
                ServerTrust.of("", otherStore.toString(), "trust-pw"), null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("refused the store server at 127.0.0.1:" + server.port()
                        + ": its TLS certificate is not trusted (TLS, server certificate checked against " + otherStore);
        assertThatThrownBy(() -> ServerTrust.of("", truststore.toString(), "wrong")).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot read the trust store " + truststore);
    }

    @Test
    void aReaderReadsTheCollectorsStoreAndIsRefusedOnWriteWithNothingWritten() throws Exception {
        tlsServer();
        ChunkedSeriesStore collector = writer();
        ChunkedSeriesStore workbench = null;
        try {
            collector.upsert(descriptor(ID.toString()), daily(0, 10, 4.0));
            workbench = reader("tideline");

            assertThat(workbench.read(ID, T0, T0 + 9 * DAY).size()).isEqualTo(10);
            assertThat(workbench.list()).hasSize(1);
            assertThat(workbench.lastChange()).as("the change-log poller reads").isEqualTo(collector.lastChange());
            assertThat(workbench.pruneChanges(0, 0)).as("the collector prunes, not a reader").isZero();
            ChunkedSeriesStore bob = workbench;
            String refusal = "the store user 'bob' may only read (team mode reader); imports, fetches and deletes go"
                    + " through the collector (store user 'tideline')";
            assertThatThrownBy(() -> bob.upsert(descriptor(ID.toString()), daily(10, 5, 9.0)))
                    .isInstanceOf(StoreException.class).hasMessage(refusal);
            assertThatThrownBy(() -> bob.upsert(descriptor("fred:NEW"), daily(0, 5, 9.0)))
                    .isInstanceOf(StoreException.class).hasMessage(refusal);
            assertThatThrownBy(() -> bob.delete(ID)).isInstanceOf(StoreException.class).hasMessage(refusal);

            assertThat(collector.counts()).as("nothing of the refused writes reached the store")
                    .containsExactly(1, 10, 1);
            assertThat(collector.read(ID, T0, T0 + 20 * DAY).size()).isEqualTo(10);
        } finally {
            collector.source().close();
            if (workbench != null) {
                workbench.source().close();
            }
        }
    }

    @Test
    void theServersRolesRefuseAReadersSqlWriteEvenPastTheStore() throws Exception {
        tlsServer();
        ChunkedSeriesStore collector = writer();
        ChunkedSeriesStore workbench = reader("tideline");
        try (Connection c = workbench.source().open(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM TL_SERIES"))
                    .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("25502"));
            assertThatThrownBy(() -> s.execute("CREATE TABLE BOB_OWN (V INT)"))
                    .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("25503"));
        } finally {
            collector.source().close();
            workbench.source().close();
        }
    }

    @Test
    void aReaderWithoutTheSchemaSettingIsToldToSetIt() throws Exception {
        tlsServer();
        writer().source().close();

        assertThatThrownBy(() -> reader(null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the store user 'bob' may only read (team mode reader) and its own schema BOB"
                        + " holds no store; set schema= to the collector's store user in io.tideline.store.derby.cfg");
        assertThatThrownBy(() -> reader("nobody")).isInstanceOf(StoreException.class)
                .hasMessageContaining("the schema 'nobody' (schema= in io.tideline.store.derby.cfg) does not exist");
    }

    @Test
    void aReaderOnAnOlderSchemaIsToldTheCollectorMigratesIt() throws Exception {
        tlsServer();
        ConnectionSource owner = DerbyDatabase.network(server.url(), TeamServerProcess.WRITER,
                TeamServerProcess.WRITER_PASSWORD, ServerTrust.pinned(server.fingerprint()), null);
        try (Connection c = owner.open(); Statement s = c.createStatement()) {
            Schema.prepare(c, owner.where(), 2);
            s.execute("GRANT SELECT ON TABLE TL_SCHEMA TO PUBLIC");
            c.commit();
        } finally {
            owner.close();
        }

        assertThatThrownBy(() -> reader("tideline")).isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema version 2, older than this Tideline's (" + Schema.CURRENT + "), and"
                        + " the store user 'bob' may only read (team mode reader)")
                .hasMessageContaining("start the collector with this Tideline version once, which migrates the store");

        ChunkedSeriesStore collector = writer();
        collector.source().close();
        ChunkedSeriesStore workbench = reader("tideline");
        assertThat(workbench.list()).as("migrated by the writer, readable by the reader").isEmpty();
        workbench.source().close();
    }

    @Test
    void aUserTheServerDoesNotListCannotConnect() throws Exception {
        tlsServer();
        assertThatThrownBy(() -> open("eve", TeamServerProcess.READER_PASSWORD, ServerTrust.pinned(server.fingerprint()),
                "tideline")).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to the store at " + server.url() + " as user eve");
        assertThat(Files.readString(server.home().resolve("derby.properties"))).doesNotContain("derby.user.eve");
    }

    @Test
    void aReaderLeftOffTheServersCommandLineIsNoLongerAdmitted() throws Exception {
        tlsServer();
        writer().close();
        reader("tideline").close();
        server.stop();

        server.startWithoutReader();
        assertThatThrownBy(() -> reader("tideline")).isInstanceOf(StoreException.class)
                .hasMessageContaining("as user bob: the server does not admit this store user; it admits its writer"
                        + " (tideline-db-server --user) and its readers (--reader)");
        writer().close();
    }

    @Test
    void aPlainClientOfATlsServerAndATlsClientOfAPlainServerGetTheReason() throws Exception {
        tlsServer();
        assertThatThrownBy(() -> open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD, null, null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to the store at " + server.url())
                .hasMessageContaining("SSL");
        String pin = server.fingerprint();
        server.close();

        server = new TeamServerProcess(work.resolve("plain")).start();
        assertThat(server.output()).contains("without TLS (loopback only)");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD,
                ServerTrust.pinned(pin), null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to the store at " + server.url())
                .hasMessageContaining("is it started with TLS (tideline-db-server --tls, or a --host that is not"
                        + " loopback)?");
        // Bounded, not fast: the handshake's and the login's time-outs with room for a busy machine.
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0))
                .isLessThan(TlsTunnel.HANDSHAKE_TIMEOUT_MILLIS / 1000 + ConnectionPool.LOGIN_TIMEOUT_SECONDS + 60);
    }

    @Test
    void nothingListeningIsNamedAndAPlainUrlOffThisComputerIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "jdbc:derby://127.0.0.1:" + port + "/tideline";
        assertThatThrownBy(() -> DerbyDatabase.network(url, "tideline", "x", ServerTrust.pinned("00".repeat(32)), null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("nothing accepts connections at 127.0.0.1:" + port);

        assertThatThrownBy(() -> DerbyDatabase.network("jdbc:derby://192.0.2.7:1527/tideline", "tideline", "x", null,
                null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the store server 192.0.2.7 is not on this computer: set certificateFingerprint=");
        assertThatThrownBy(() -> DerbyDatabase.network("jdbc:derby://127.0.0.1:1527/tideline;ssl=basic", "tideline",
                "x", null, null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("leave ssl= and securityMechanism= out of the url");
        assertThatThrownBy(() -> ServerTrust.of("12:34", "", "")).isInstanceOf(StoreException.class)
                .hasMessageContaining("certificateFingerprint '12:34' is not a SHA-256 fingerprint");
    }

    /** A server that accepts and then says nothing (a hung process, a wrong service) is given up on, with the reason. */
    @Test
    void aSilentServerIsGivenUpOnAfterTheHandshakeTimeOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var s = silent.accept()) {
                    s.getInputStream().readAllBytes();
                } catch (java.io.IOException ignored) {
                    // the client gave up and hung up
                }
            });
            String url = "jdbc:derby://127.0.0.1:" + silent.getLocalPort() + "/tideline";

            assertThatThrownBy(() -> DerbyDatabase.network(url, "tideline", "x", ServerTrust.pinned("00".repeat(32)),
                    null)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("the store server at 127.0.0.1:" + silent.getLocalPort() + " did not answer"
                            + " within 10 s");
        }
    }

    /**
     * An expired certificate with the right fingerprint is refused: a bare TLS listener presents
     * one (the store server itself refuses to start with it).
     */
    @Test
    void anExpiredCertificateIsRefusedEvenWhenPinned() throws Exception {
        Path store = work.resolve("expired.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "old", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-startdate", "-10d", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore keys = KeyStore.getInstance(store.toFile(), "changeit".toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var s = listener.accept()) {
                    s.getInputStream().read();
                } catch (java.io.IOException ignored) {
                    // the client hung up after refusing the certificate
                }
            });
            String pin = fingerprintOf(store, "changeit");
            String url = "jdbc:derby://127.0.0.1:" + listener.getLocalPort() + "/tideline";

            assertThatThrownBy(() -> DerbyDatabase.network(url, "tideline", "x", ServerTrust.pinned(pin), null))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("its certificate has expired");
        }
    }

    @Test
    void passwordsAppearNeitherOnTheServersCommandLineNorInItsOutputNorInMessages() throws Exception {
        tlsServer();
        ChunkedSeriesStore collector = writer();
        collector.upsert(descriptor(ID.toString()), daily(0, 3, 1.0));
        ChunkedSeriesStore workbench = reader("tideline");
        String refusal = "";
        try {
            workbench.delete(ID);
        } catch (StoreException e) {
            refusal = e.getMessage();
        }
        collector.source().close();
        workbench.source().close();
        String wrongLogin = "";
        try {
            open(TeamServerProcess.WRITER, "not-" + TeamServerProcess.WRITER_PASSWORD, ServerTrust.pinned(
                    server.fingerprint()), null);
        } catch (StoreException e) {
            wrongLogin = e.getMessage();
        }

        assertThat(refusal).contains("may only read");
        assertThat(wrongLogin).contains("cannot connect");
        for (String text : new String[] {server.commandLine(), server.output(), refusal, wrongLogin,
                collector.source().transport(), readAll(server.home().resolve("derby.log"))}) {
            assertThat(text).doesNotContain(TeamServerProcess.WRITER_PASSWORD)
                    .doesNotContain(TeamServerProcess.READER_PASSWORD)
                    .doesNotContain(Files.readString(server.home().resolve("tls-keystore.password")).strip());
        }
        assertThat(server.commandLine()).as("the command line is known").contains("--reader bob");
    }

    private static String readAll(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    /** The certificate of a fresh self-signed key made by keytool into {@code store}. */
    private static X509Certificate certificateOf(Path store) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore keys = KeyStore.getInstance(store.toFile(), "changeit".toCharArray());
        return (X509Certificate) keys.getCertificate("other");
    }

    private static String fingerprintOf(Path keystore, String password) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate(keys.aliases().nextElement());
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
