package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The Derby store bundle inside the real framework: writes through the SeriesStore service
 * from another bundle, EventAdmin notices, the headless series and db commands, a restart of
 * the store bundle, and team mode switched on by a .cfg file against a real Derby Network
 * Server started with the distribution's own bin/tideline-db-server.
 */
class StoreIT {

    @TempDir
    Path work;

    private TidelineFramework tideline;
    private BundleContext context;
    private Path deploy;

    @BeforeEach
    void boot() throws Exception {
        tideline = Dist.boot(work);
        context = tideline.context();
        deploy = work.resolve("deploy");
        Dist.drop(Dist.DEPLOYABLES.resolve("storeprobe.jar"), deploy, "storeprobe.jar");
        Dist.await("probe command", () -> !Dist.services(context,
                "(component.name=io.tideline.itest.storeprobe.StoreProbe)").isEmpty());
    }

    @AfterEach
    void shutdown() throws Exception {
        tideline.close();
    }

    @Test
    void writesReachTheStoreAndAreAnnouncedAsEvents() throws Exception {
        Dist.Result info = Dist.run(context, "db", "info");
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("mode       embedded").contains("location   " + work.resolve("data/db"));

        assertThat(ok("probe", "write", "fred:TEST", "100")).contains("wrote 100");
        assertThat(ok("probe", "write", "fred:TEST", "100")).contains("wrote 100"); // idempotent
        Dist.await("two APPENDED events", () -> ok("probe", "events").lines().count() == 2);
        assertThat(ok("probe", "events").lines().toList()).containsOnly(
                "io/tideline/series/APPENDED fred:TEST from=1577836800000 to=1586390400000 count=100");

        assertThat(ok("series", "list")).containsPattern("fred:TEST\\s+yield\\s+1d\\s+2020-01-01\\s+2020-04-09\\s+100");
        Dist.Result show = Dist.run(context, "series", "show", "fred:TEST", "--from", "2020-01-02", "--to", "2020-01-03");
        assertThat(show.out()).isEqualTo("time,value%n2020-01-02,1.0%n2020-01-03,2.0%n".formatted());
        assertThat(show.err()).contains("2 bars");
        assertThat(ok("db", "info")).containsPattern("series +\\d+").containsPattern("bars +[\\d,]+");

        assertThat(ok("series", "delete", "fred:TEST")).contains("deleted fred:TEST");
        Dist.await("DELETED event", () -> ok("probe", "events").contains("io/tideline/series/DELETED fred:TEST"));
        Dist.Result unknown = Dist.run(context, "series", "show", "fred:TEST");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown series fred:TEST");
        assertThat(Dist.run(context, "series", "show", "fred:TEST", "--from", "yesterday").err())
                .contains("'yesterday' is not a time");
    }

    @Test
    void liveIndicatorsFollowTheStoresEvents() throws Exception {
        ok("probe", "write", "fred:LIVE", "10");
        ok("probe", "live", "fred:LIVE");
        // SMA(2) of 8 and 9 on 2020-01-10
        assertThat(ok("probe", "live-last")).isEqualTo("revision 1 bars 10 last 1578614400000 8.5%n".formatted());
        ok("probe", "write", "fred:LIVE", "12", "100");
        // the event reaches the engine asynchronously: bars 0..11 now valued 100..111 (a revision)
        Dist.await("live graph updated", () -> ok("probe", "live-last").contains("bars 12 last 1578787200000 110.5"));
        assertThat(ok("probe", "live-last")).startsWith("revision 2 ");
    }

    @Test
    void theStoreBundleCanBeRestartedAndKeepsItsData() throws Exception {
        ok("probe", "write", "fred:KEEP", "10");
        Bundle store = Dist.bundle(context, "io.tideline.store.derby");
        store.stop();
        assertThat(Dist.run(context, "series", "list").err()).contains("no series store is running");
        store.start();
        Dist.await("store back", () -> Dist.run(context, "series", "list").out().contains("fred:KEEP"));
    }

    @Test
    void aCfgFileSwitchesToASharedDerbyNetworkServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path serverDir = work.resolve("server");
        ProcessBuilder pb = new ProcessBuilder(Dist.HOME.resolve("bin/tideline-db-server").toString(), "--dir",
                serverDir.toString(), "--port", Integer.toString(port), "--user", "desk");
        pb.environment().put("TIDELINE_DB_PASSWORD", "t0p-secret");
        Process server = pb.redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        try {
            awaitPort(port, server);
            Dist.write(deploy, "io.tideline.store.derby.cfg", """
                    mode=server
                    url=jdbc:derby://127.0.0.1:%d/tideline;create=true
                    user=desk
                    .password=t0p-secret
                    """.formatted(port));
            Dist.await("store reconfigured to the server", () -> ok("db", "info").contains("mode       server"));
            assertThat(ok("db", "info")).contains("location   jdbc:derby://127.0.0.1:" + port + "/tideline")
                    .doesNotContain("t0p-secret");
            Dist.await("probe rebound to the new store", () -> Dist.run(context, "probe", "write", "fred:SHARED", "5").code() == 0);
            assertThat(ok("series", "list")).contains("fred:SHARED");
            assertThat(Files.isDirectory(serverDir.resolve("tideline"))).as("database created on the server").isTrue();
            assertThat(Files.readString(serverDir.resolve("derby.properties"))).contains("derby.user.desk=");
            assertThat(Dist.services(context, "(.password=*)")).as("the password stays off service properties").isEmpty();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Team mode with two real Tidelines on one server: this framework (a workbench) and a
     * {@code serve} process of the distribution (the desk's collector, its own data and deploy
     * folders). A series the collector stores and one it deletes become APPENDED and DELETED
     * events here, read from the store's change log; this Tideline leaves the feeds to the
     * collector and says so.
     */
    @Test
    void inTeamModeWritesOfAnotherProcessBecomeEventsHereAndItsCollectorRunsTheFeeds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path serverDir = work.resolve("server");
        ProcessBuilder pb = new ProcessBuilder(Dist.HOME.resolve("bin/tideline-db-server").toString(), "--dir",
                serverDir.toString(), "--port", Integer.toString(port), "--user", "desk");
        pb.environment().put("TIDELINE_DB_PASSWORD", "t0p-secret");
        Process server = pb.redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        Path collector = work.resolve("collector");
        Process serve = null;
        try {
            awaitPort(port, server);
            String cfg = """
                    mode=server
                    url=jdbc:derby://127.0.0.1:%d/tideline;create=true
                    user=desk
                    .password=t0p-secret
                    """.formatted(port);
            Dist.write(deploy, "io.tideline.store.derby.cfg", cfg);
            Dist.await("store reconfigured to the server", () -> ok("db", "info").contains("mode       server"));
            Dist.await("feeds left to the collector", () -> ok("feeds", "status").contains("feeds are run by the collector"));

            Dist.write(Files.createDirectories(collector.resolve("deploy")), "io.tideline.store.derby.cfg", cfg);
            Dist.write(Files.createDirectories(collector.resolve("data/workspace")), "sample-loaded",
                    "loaded: skipped by the test\n");
            Path serveLog = collector.resolve("logs/serve");
            serve = Launch.start(serveLog, null, Launch.env(), "--headless", "--data-dir",
                    Launch.data(collector).toString(), "--deploy-dir", collector.resolve("deploy").toString(), "serve");
            Launch.await("the collector to serve", Launch.COMMAND_SECONDS, () -> Launch.read(serveLog.resolve("out.txt"))
                    .contains("tideline: serving " + Launch.data(collector)));
            Launch.await("the collector serving on the shared store", Launch.COMMAND_SECONDS,
                    () -> collectorSays(collector, "db", "info").contains("mode       server"));
            assertThat(collectorSays(collector, "feeds", "status")).doesNotContain("run by the collector")
                    .contains("refresh every");
            // The collector records its feeds' health in the store after their first run; this
            // Tideline, which runs none, shows that record, saying whose it is and how old.
            long collectorPid = serve.pid(); // the script execs the JVM: the same process
            Launch.await("the collector's feed health shown here", Launch.COMMAND_SECONDS,
                    () -> ok("feeds", "status").contains("(pid " + collectorPid + ")'s record of"));
            assertThat(ok("feeds", "status")).contains(" old; feeds are run by the collector (team mode): this Tideline"
                    + " fetches nothing by itself").doesNotContain("by the collector  ");

            Files.writeString(work.resolve("bars.csv"), "date,value\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n");
            Launch.Outcome imported = Launch.command(collector, "import", null, "import",
                    work.resolve("bars.csv").toString(), "--series", "csv:team");
            assertThat(imported.code()).as(imported.err()).isZero();
            Dist.await("the collector's write announced here", () -> ok("probe", "events")
                    .contains("io/tideline/series/APPENDED csv:team from=1577836800000 to=1578009600000 count=3"));

            Launch.Outcome deleted = Launch.command(collector, "delete", null, "series", "delete", "csv:team");
            assertThat(deleted.code()).as(deleted.err()).isZero();
            Dist.await("the collector's delete announced here",
                    () -> ok("probe", "events").contains("io/tideline/series/DELETED csv:team"));
            assertThat(ok("probe", "events").lines().filter(l -> l.contains("csv:team")).count())
                    .as("each change told once").isEqualTo(2);
        } finally {
            if (serve != null) {
                serve.destroy();
                serve.waitFor(60, TimeUnit.SECONDS);
            }
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Team mode secured on the wire, with the distribution's bin/tideline-db-server over TLS
     * (its key store made on first start) and this framework as, in turn, the writer, a
     * read-only reader and a client pinning the wrong certificate: the reader reads and is told
     * why its import and delete are refused, the wrong pin is the store's problem in status, and
     * no password shows anywhere.
     */
    @Test
    void overTlsTheWriterWritesAReaderOnlyReadsAndAWrongCertificateIsTheStoresProblem() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path serverDir = work.resolve("server");
        Path serverLog = work.resolve("server.log");
        ProcessBuilder pb = new ProcessBuilder(Dist.HOME.resolve("bin/tideline-db-server").toString(), "--dir",
                serverDir.toString(), "--port", Integer.toString(port), "--user", "desk", "--reader", "bob", "--tls");
        pb.environment().put("TIDELINE_DB_PASSWORD", "t0p-secret");
        pb.environment().put("TIDELINE_DB_PASSWORD_BOB", "b0b-secret");
        Process server = pb.redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        try {
            Dist.await("the store server serving over TLS", () -> read(serverLog).contains("tideline-db-server: serving"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("certificate SHA-256 fingerprint ([0-9A-F:]+)")
                    .matcher(read(serverLog));
            assertThat(m.find()).as(read(serverLog)).isTrue();
            String fingerprint = m.group(1);
            String url = "url=jdbc:derby://127.0.0.1:%d/tideline;create=true%n".formatted(port);

            Dist.write(deploy, "io.tideline.store.derby.cfg", "mode=server%n%suser=desk%n.password=t0p-secret%n"
                    .formatted(url) + "certificateFingerprint=" + fingerprint + "\n");
            Dist.await("the writer on the server", () -> ok("db", "info").contains("user       desk"));
            assertThat(ok("db", "info")).contains("access     read and write")
                    .contains("wire       TLS, server certificate pinned (SHA-256 " + fingerprint + ")");
            Dist.await("probe rebound to the new store", () -> Dist.run(context, "probe", "write", "fred:SHARED", "5")
                    .code() == 0);

            Dist.write(deploy, "io.tideline.store.derby.cfg", "mode=server%n%suser=bob%n.password=b0b-secret%n"
                    .formatted(url) + "certificateFingerprint=" + fingerprint + "\nschema=desk\n");
            Dist.await("the reader on the server", () -> ok("db", "info").contains("user       bob"));
            assertThat(ok("db", "info")).contains("access     read only (team mode reader)");
            Dist.await("the writer's series seen by the reader", () -> ok("series", "list").contains("fred:SHARED"));
            Files.writeString(work.resolve("bars.csv"), "date,value\n2020-01-01,1\n2020-01-02,2\n");
            Dist.Result imported = Dist.run(context, "import", work.resolve("bars.csv").toString(), "--series", "csv:bob");
            assertThat(imported.code()).isNotZero();
            assertThat(imported.out() + imported.err()).contains("the store user 'bob' may only read (team mode reader);"
                    + " imports, fetches and deletes go through the collector (store user 'desk')");
            Dist.Result deleted = Dist.run(context, "series", "delete", "fred:SHARED");
            assertThat(deleted.code()).isNotZero();
            assertThat(deleted.out() + deleted.err()).contains("may only read (team mode reader)");
            assertThat(ok("series", "list")).contains("fred:SHARED").doesNotContain("csv:bob");

            String wrong = "00:" + fingerprint.substring(3);
            Dist.write(deploy, "io.tideline.store.derby.cfg", "mode=server%n%suser=bob%n.password=b0b-secret%n"
                    .formatted(url) + "certificateFingerprint=" + wrong + "\nschema=desk\n");
            Dist.await("the wrong certificate in status", () -> Dist.run(context, "status").out().contains("not the pinned"));
            Dist.Result status = Dist.run(context, "status");
            assertThat(status.out()).contains("series store: cannot connect to the store at jdbc:derby://127.0.0.1:"
                    + port + "/tideline;create=true as user bob: refused the store server at 127.0.0.1:" + port
                    + ": the server's certificate has the SHA-256 fingerprint " + fingerprint + ", not the pinned " + wrong);
            Dist.Result info = Dist.run(context, "db", "info");
            assertThat(info.code()).isNotZero();
            assertThat(info.err()).contains("not the pinned " + wrong);
            for (String text : new String[] {status.out(), status.err(), info.err(), imported.err(), read(serverLog)}) {
                assertThat(text).doesNotContain("t0p-secret").doesNotContain("b0b-secret");
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A command answered by the running collector (through its control channel); empty output while it cannot answer yet. */
    private static String collectorSays(Path collector, String... commandLine) {
        try {
            Launch.Outcome o = Launch.command(collector, "ask-" + String.join("-", commandLine), null, commandLine);
            return o.code() == 0 ? o.out() : "";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String ok(String... commandLine) {
        Dist.Result r = Dist.run(context, commandLine);
        assertThat(r.code()).as(String.join(" ", commandLine) + ": " + r.err()).isZero();
        return r.out();
    }

    private static void awaitPort(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new AssertionError("the Derby Network Server did not start");
                }
                Thread.sleep(100);
            }
        }
    }
}
