package io.tideline.store.derby;

import io.tideline.dbserver.DbServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team store server of {@code bin/tideline-db-server} ({@link DbServer}) in its own process
 * on a loopback port, passwords handed over in its environment as the script's users do: the
 * writer {@link #WRITER} and the reader {@link #READER}.
 */
final class TeamServerProcess implements AutoCloseable {

    static final String WRITER = "tideline";
    static final String WRITER_PASSWORD = "wr1ter-Pa55-9c2d";
    static final String READER = "bob";
    static final String READER_PASSWORD = "r3ader-Pa55-41aa";

    private final Path home;
    private final Path log;
    private final int port;
    private Process server;

    TeamServerProcess(Path home) throws IOException {
        this.home = home;
        this.log = home.resolveSibling(home.getFileName() + "-server.log");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    String url() {
        return "jdbc:derby://127.0.0.1:" + port + "/tideline;create=true";
    }

    /** Starts the server with these options after --dir, --port and the users, and waits until it serves. */
    TeamServerProcess start(String... options) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("--reader", READER));
        args.addAll(List.of(options));
        return run(args);
    }

    /** Starts the server with TLS and without {@code --reader}, as an admin dropping the reader would. */
    TeamServerProcess startWithoutReader() throws IOException, InterruptedException {
        return run(List.of("--tls"));
    }

    private TeamServerProcess run(List<String> options) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("--dir", home.toString(), "--port",
                Integer.toString(port), "--user", WRITER));
        args.addAll(options);
        Files.deleteIfExists(log);
        ProcessBuilder pb = StoreFixture.javaProcess(DbServer.class, args.toArray(String[]::new));
        Map<String, String> env = pb.environment();
        env.put("TIDELINE_DB_PASSWORD", WRITER_PASSWORD);
        env.put("TIDELINE_DB_PASSWORD_BOB", READER_PASSWORD);
        server = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!output().contains("tideline-db-server: serving")) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new AssertionError("the store server did not start: " + output());
            }
            Thread.sleep(100);
        }
        return this;
    }

    /** What the server printed so far. */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The certificate fingerprint the server printed for its clients. */
    String fingerprint() throws IOException {
        Matcher m = Pattern.compile("certificate SHA-256 fingerprint ([0-9A-F:]+)").matcher(output());
        if (!m.find()) {
            throw new AssertionError("the server printed no fingerprint: " + output());
        }
        return m.group(1);
    }

    /** The server process's command line, as any local user can read it. */
    String commandLine() {
        return server.info().commandLine().orElse("");
    }

    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
