package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode: a real Derby Network Server in its own process on a loopback port, with
 * authentication on (users in derby.properties, as the README's server command sets it up),
 * and two store instances writing and reading through it.
 */
class NetworkServerTest {

    private static final String USER = "tideline";
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    Path home;

    private Process server;
    private int port;

    @BeforeEach
    void startServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(home.resolve("derby.properties"), """
                derby.connection.requireAuthentication=true
                derby.authentication.provider=BUILTIN
                derby.user.%s=%s
                """.formatted(USER, PASSWORD));
        ProcessBuilder pb = StoreFixture.javaProcess(NetworkServerControl.class, "start", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-noSecurityManager");
        pb.command().add(1, "-Dderby.system.home=" + home);
        server = pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new AssertionError("Derby Network Server did not start: " + Files.readString(home.resolve("server.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterEach
    void stopServer() throws Exception {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    private String url() {
        return "jdbc:derby://127.0.0.1:" + port + "/tideline;create=true";
    }

    @Test
    void twoStoresShareOneServer() throws Exception {
        ChunkedSeriesStore alice = ChunkedSeriesStore.openNetwork(url(), USER, PASSWORD);
        ChunkedSeriesStore bob = ChunkedSeriesStore.openNetwork(url(), USER, PASSWORD);

        alice.upsert(StoreFixture.descriptor("fred:DGS10"), StoreFixture.daily(0, 5000, 1));
        assertThat(bob.read(SeriesId.parse("fred:DGS10"), Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(StoreFixture.daily(0, 5000, 1));

        bob.upsert(StoreFixture.descriptor("fred:DGS10"), StoreFixture.daily(4000, 2000, 100));
        SeriesData seenByAlice = alice.read(SeriesId.parse("fred:DGS10"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(seenByAlice.size()).isEqualTo(6000);
        assertThat(seenByAlice.value(3999)).isEqualTo(1 + 3999);
        assertThat(seenByAlice.value(4000)).isEqualTo(100 + 4000);
        assertThat(alice.list()).hasSize(1);
        assertThat(Files.isDirectory(home.resolve("tideline"))).as("the database lives on the server side").isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> ChunkedSeriesStore.openNetwork(url(), USER, "wrong-guess"))
                .hasMessageContaining("cannot connect to the store at " + url() + " as user tideline")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-guess"));
    }

    @Test
    void anUnreachableServerIsNamed() {
        String nowhere = "jdbc:derby://127.0.0.1:1/tideline";
        assertThatThrownBy(() -> ChunkedSeriesStore.openNetwork(nowhere, USER, PASSWORD))
                .hasMessageContaining("cannot connect to the store at " + nowhere);
        assertThatThrownBy(() -> ChunkedSeriesStore.openNetwork("jdbc:derby:/tmp/x", USER, PASSWORD))
                .hasMessageContaining("is not a Derby network URL");
    }
}
