package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tideline.launcher.TidelineFramework;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The SDK path for data: the example feed connector (examples/io.tideline.example.feed), built by
 * the reactor like a team's would be, hot-deployed with its .cfg into a running Tideline, fetching
 * from a loopback server that replays the example's recorded answer into the real Derby store,
 * and gone when its jar is deleted.
 */
class FeedPluginIT {

    private static final String KEY = "k3y-that-must-not-show";
    private static final String CONNECTOR =
            "(&(objectClass=io.tideline.api.feed.FeedConnector)(component.name=io.tideline.example.feed.ExampleFeedConnector))";

    @TempDir
    Path work;

    private static String ok(BundleContext context, String... commandLine) {
        Dist.Result r = Dist.run(context, commandLine);
        assertThat(r.code()).as(String.join(" ", commandLine) + ": " + r.err()).isZero();
        return r.out();
    }

    /** The value of one column of one row of {@code series show}'s CSV, read by the header's names. */
    private static double cell(String csv, String date, String column) {
        List<String> lines = csv.lines().toList();
        int index = Arrays.asList(lines.get(0).split(",")).indexOf(column);
        assertThat(index).as("column %s in %s", column, lines.get(0)).isPositive();
        String row = lines.stream().filter(l -> l.startsWith(date)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + date + " in:\n" + csv));
        return Double.parseDouble(row.split(",", -1)[index]);
    }

    @Test
    void theExampleConnectorHotDeploysFeedsTheStoreReportsItsHealthAndLeavesCleanly() throws Exception {
        byte[] fixture = Files.readAllBytes(
                Path.of("../examples/io.tideline.example.feed/src/test/resources/fixtures/daily-ACME-2026-02.json"));
        byte[] unknown = "{\"error\": \"unknown symbol NOPE\"}".getBytes(StandardCharsets.UTF_8);
        List<String> queries = new CopyOnWriteArrayList<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/v1/daily", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query);
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
            byte[] body = query.startsWith("symbol=ACME&") ? fixture : unknown;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == fixture ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            assertThat(ok(context, "feeds", "status")).doesNotContain("example");

            // As the guide says: the .cfg beside the jar, then the jar, both into deploy/.
            Path deploy = work.resolve("deploy");
            Files.createDirectories(deploy);
            Dist.write(deploy, "io.tideline.example.feed.cfg", """
                    baseUrl=http://127.0.0.1:%d
                    symbols=ACME,NOPE
                    .apiKey=%s
                    """.formatted(service.getAddress().getPort(), KEY));
            Path jar = Dist.drop(Dist.DEPLOYABLES.resolve("feed.jar"), deploy, "feed.jar");
            Dist.await("example feed listed with both configured symbols",
                    () -> Dist.run(context, "feeds", "status").out().lines().anyMatch(l -> l.matches("example\\s+UNKNOWN\\s+2\\s.*")));
            assertThat(Dist.services(context, CONNECTOR)).hasSize(1);
            assertThat(Dist.services(context, CONNECTOR).get(0).getProperty(".apiKey")).isNull();

            // One series is stored, the other fails with a message naming it; the run says so.
            Dist.Result run = Dist.run(context, "feeds", "run", "example");
            assertThat(run.code()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("example:ACME: 19 bars (2026-02-02T00:00:00Z .. 2026-02-27T00:00:00Z)")
                    .contains("example:NOPE: FAILED: example:NOPE: the service has no symbol 'NOPE'; check 'symbols' in"
                            + " deploy/io.tideline.example.feed.cfg. It answered HTTP 404 from http://127.0.0.1:")
                    .doesNotContain(KEY);
            assertThat(queries).hasSize(2).allSatisfy(q -> assertThat(q).doesNotContain(KEY));
            assertThat(keys).containsOnly(KEY);

            String acme = ok(context, "series", "show", "example:ACME", "--from", "2026-02-02", "--to", "2026-02-27");
            assertThat(acme.lines().skip(1)).hasSize(19);
            assertThat(cell(acme, "2026-02-02", "close")).isEqualTo(102.40);
            assertThat(cell(acme, "2026-02-02", "volume")).isEqualTo(1_250_000);
            assertThat(cell(acme, "2026-02-27", "open")).isEqualTo(92.30);
            assertThat(ok(context, "series", "list")).contains("example:ACME");
            assertThat(Dist.run(context, "series", "show", "example:NOPE").err()).contains("unknown series example:NOPE");

            String status = ok(context, "feeds", "status");
            assertThat(status.lines().filter(l -> l.startsWith("example")).findFirst().orElseThrow())
                    .matches("example\\s+DEGRADED\\s+2\\s.*")
                    .contains("example:NOPE: the service has no symbol 'NOPE'");
            assertThat(status).doesNotContain(KEY);

            // A second run asks only from the last stored bar and changes nothing.
            String before = ok(context, "series", "show", "example:ACME");
            Dist.run(context, "feeds", "run", "example");
            assertThat(queries.get(2)).startsWith("symbol=ACME&start=2026-02-27&end=");
            assertThat(ok(context, "series", "show", "example:ACME")).isEqualTo(before);

            Files.delete(jar);
            Dist.await("example feed gone", () -> !Dist.run(context, "feeds", "status").out().contains("example"));
            Dist.await("example bundle uninstalled", () -> Arrays.stream(context.getBundles())
                    .noneMatch(b -> "io.tideline.example.feed".equals(b.getSymbolicName())));
            assertThat(Dist.services(context, CONNECTOR)).isEmpty();
            assertThat(tideline.inactiveBundles()).isEmpty();
            assertThat(Dist.run(context, "feeds", "run", "example").err()).contains("no connector for source 'example'");
            // What the feed stored stays: the store belongs to the user, not to the plugin.
            assertThat(ok(context, "series", "show", "example:ACME")).isEqualTo(before);
        } finally {
            service.stop(0);
        }
    }
}
