package io.tideline.store.derby;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.derby.drda.NetworkServerControl;

/**
 * A real Derby Network Server in its own process on a loopback port, authentication on (as
 * {@code bin/tideline-db-server} sets it up); it can be stopped and started again on the same
 * port and folder, as an admin restarting the server would.
 */
final class DerbyServerProcess implements AutoCloseable {

    static final String USER = "tideline";
    static final String PASSWORD = "s3cret-Pa55";

    private final Path home;
    private final int port;
    private Process server;

    DerbyServerProcess(Path home) throws IOException {
        this.home = home;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(home.resolve("derby.properties"), """
                derby.connection.requireAuthentication=true
                derby.authentication.provider=BUILTIN
                derby.user.%s=%s
                """.formatted(USER, PASSWORD));
    }

    String url() {
        return "jdbc:derby://127.0.0.1:" + port + "/tideline;create=true";
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        ProcessBuilder pb = StoreFixture.javaProcess(NetworkServerControl.class, "start", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-noSecurityManager");
        pb.command().add(1, "-Dderby.system.home=" + home);
        server = pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new AssertionError("Derby Network Server did not start: "
                            + Files.readString(home.resolve("server.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    /** Kills the server process (as a crash or a restart would), and waits until it is gone. */
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            server = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
