package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tideline.launcher.TidelineFramework;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * Data into the store, as users and admins bring it: the sample workspace on first start, the
 * import command, the inbox folder, and a connector jar hot-deployed with its .cfg.
 */
class FeedsIT {

    @TempDir
    Path work;

    private static String ok(BundleContext context, String... commandLine) {
        Dist.Result r = Dist.run(context, commandLine);
        assertThat(r.code()).as(String.join(" ", commandLine) + ": " + r.err()).isZero();
        return r.out();
    }

    @Test
    void theSampleWorkspaceIsLoadedOnFirstStartWithItsRoles() throws Exception {
        String list;
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            list = ok(context, "series", "list");
            assertThat(list).contains("20 series");
            // Spot checks published in the data's SOURCES.md
            assertThat(ok(context, "series", "show", "binance:BTCUSDT", "--from", "2020-03-12", "--to", "2020-03-12"))
                    .contains("2020-03-12,7934.58,7966.17,4410.0,4800.0,");
            assertThat(ok(context, "series", "show", "yahoo:SPY", "--from", "2020-03-23", "--to", "2020-03-23"))
                    .contains(",222.9499969482422,");
            assertThat(ok(context, "series", "show", "fred:DGS10", "--from", "2020-03-09", "--to", "2020-03-09"))
                    .contains("2020-03-09,0.54");
            assertThat(ok(context, "series", "show", "fred:DGS10", "--from", "2022-10-21", "--to", "2022-10-21"))
                    .contains("2022-10-21,4.21");
            assertThat(ok(context, "series", "show", "fred:VIXCLS", "--from", "2020-03-16", "--to", "2020-03-16"))
                    .contains("2020-03-16,82.69");
            String roles = ok(context, "roles");
            assertThat(roles).containsPattern("us10y\\s+fred:DGS10").containsPattern("btc\\s+binance:BTCUSDT")
                    .containsPattern("btc.dvol\\s+deribit:BTC:dvol").containsPattern("leaders\\s+\\(unbound\\)");
            assertThat(ok(context, "sample")).contains("(loaded)");
            ok(context, "roles", "set", "leaders", "yahoo:QQQ");
        }
        try (TidelineFramework again = Dist.boot(work)) {
            BundleContext context = again.context();
            assertThat(ok(context, "series", "list")).isEqualTo(list);
            assertThat(ok(context, "roles")).containsPattern("leaders\\s+yahoo:QQQ");
        }
    }

    @Test
    void importRejectsABadFileWholeIsIdempotentAndBindsARole() throws Exception {
        Path bad = Files.writeString(work.resolve("bad.csv"), "date,value\n2026-01-05,1.0\n2026-01-06,1.O\n");
        Path good = Files.writeString(work.resolve("basket.csv"),
                "date,price,volume\n2026-01-06,101.5,7\n2026-01-05,100.0,9\n");
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            Dist.Result rejected = Dist.run(context, "import", bad.toString(), "--series", "csv:BAD");
            assertThat(rejected.code()).isEqualTo(1);
            assertThat(rejected.err()).contains(bad + ":3: column 'value': '1.O' is not a number (nothing of this"
                    + " file was stored)");
            assertThat(Dist.run(context, "series", "show", "csv:BAD").err()).contains("unknown series csv:BAD");

            Dist.Result ambiguous = Dist.run(context, "import", good.toString());
            assertThat(ambiguous.err()).contains("several value columns (price, volume); choose one with --column NAME");

            String first = ok(context, "import", good.toString(), "--column", "price", "--series", "csv:AIBASKET",
                    "--role", "leaders", "--unit", "USD", "--kind", "price", "--asset-class", "equity");
            assertThat(first).contains("imported 2 bars of csv:AIBASKET").contains("were sorted")
                    .contains("leaders -> csv:AIBASKET");
            String before = ok(context, "series", "list");
            assertThat(ok(context, "import", good.toString(), "--column", "price", "--series", "csv:AIBASKET"))
                    .as("a re-import says nothing changed").contains("nothing new for csv:AIBASKET: all 2 bars")
                    .doesNotContain("imported");
            assertThat(ok(context, "series", "list")).isEqualTo(before);

            Path opens = Files.writeString(work.resolve("opens.csv"), "date,open\n2026-01-05,1.0\n");
            Dist.Result partial = Dist.run(context, "import", opens.toString());
            assertThat(partial.code()).isEqualTo(1);
            assertThat(partial.err()).contains("has the price column open but not high, low, close")
                    .contains("choose it with --column NAME (candidates: open)");
            assertThat(ok(context, "series", "show", "csv:AIBASKET")).isEqualTo("time,value%n2026-01-05,100.0%n2026-01-06,101.5%n".formatted());
            assertThat(ok(context, "roles")).containsPattern("leaders\\s+csv:AIBASKET");
        }
    }

    @Test
    void filesDroppedIntoTheInboxAreImportedAndBadOnesSetAside() throws Exception {
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            Path inbox = work.resolve("data/inbox");
            Dist.write(inbox, "myrates.csv", "time,value\n2026-01-05T00:00:00Z,4.1\n2026-01-06T00:00:00Z,4.2\n");
            Dist.write(inbox, "broken.csv", "time,value\n2026-01-05,4.1\n2026-01-05,4.2\n");
            Dist.await("inbox imported", () -> Dist.run(context, "series", "list").out().contains("csv:myrates"));
            Dist.await("bad file set aside", () -> Files.exists(inbox.resolve("failed/broken.csv.error.txt")));
            assertThat(Files.readString(inbox.resolve("failed/broken.csv.error.txt")))
                    .contains("broken.csv:3: column 'time': the time 2026-01-05T00:00:00Z appears again (first on line 2)");
            assertThat(inbox.resolve("imported/myrates.csv")).exists();
            // the inbox is an importer, not a feed: status names the set-aside file (exit 1) until it is gone
            Dist.Result status = Dist.run(context, "status");
            assertThat(status.code()).isEqualTo(1);
            assertThat(status.out()).contains("  inbox:\n    broken.csv was not imported and is set aside in")
                    .contains("appears again");
            assertThat(ok(context, "feeds", "status")).doesNotContainPattern("(?m)^\\s*csv\\s");
            Files.delete(inbox.resolve("failed/broken.csv.error.txt"));
            Dist.await("the set-aside file no longer named",
                    () -> !Dist.run(context, "status").out().contains("broken.csv was not imported"));
        }
    }

    @Test
    void aConnectorJarAndItsCfgHotDeployFeedTheStoreAndLeaveCleanly() throws Exception {
        byte[] fixture = Files.readAllBytes(Path.of("../bundles/io.tideline.feed.fred/src/test/resources/fixtures/"
                + "fred-observations-DGS10-2020-02-10_2020-03-31.json"));
        HttpServer fred = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        fred.createContext("/fred/series/observations", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, fixture.length);
            exchange.getResponseBody().write(fixture);
            exchange.close();
        });
        fred.start();
        try (TidelineFramework tideline = Dist.bootWithout(work, "io.tideline.feed.fred")) {
            BundleContext context = tideline.context();
            assertThat(ok(context, "feeds", "status")).doesNotContain("fred ");
            Path deploy = work.resolve("deploy");
            Dist.write(deploy, "io.tideline.feed.fred.cfg", """
                    series=SP500
                    baseUrl=http://127.0.0.1:%d
                    .apiKey=k3y-that-must-not-show
                    """.formatted(fred.getAddress().getPort()));
            Dist.drop(Dist.HOME.resolve("bundles/io.tideline.feed.fred-0.1.0-SNAPSHOT.jar"), deploy, "fred.jar");
            Dist.await("fred feed listed", () -> Dist.run(context, "feeds", "status").out().contains("fred "));

            String run = ok(context, "feeds", "run", "fred");
            assertThat(run).contains("fred:SP500: 36 bars");
            assertThat(queries).hasSize(1);
            assertThat(queries.get(0)).contains("series_id=SP500").contains("api_key=k3y-that-must-not-show");
            assertThat(ok(context, "series", "show", "fred:SP500", "--from", "2020-03-09", "--to", "2020-03-09"))
                    .contains("2020-03-09,0.54");
            assertThat(ok(context, "feeds", "status")).containsPattern("fred\\s+UP\\s+1 ").doesNotContain("k3y");

            // A second run asks only from the last stored bar (fetched again for revisions) and
            // changes nothing.
            String before = ok(context, "series", "list") + ok(context, "series", "show", "fred:SP500");
            assertThat(ok(context, "feeds", "run", "fred")).contains("fred:SP500: 1 bars");
            assertThat(queries).hasSize(2);
            assertThat(queries.get(1)).contains("observation_start=2020-03-31");
            assertThat(ok(context, "series", "list") + ok(context, "series", "show", "fred:SP500")).isEqualTo(before);

            Files.delete(deploy.resolve("fred.jar"));
            Dist.await("fred feed gone", () -> !Dist.run(context, "feeds", "status").out().contains("fred "));
            Dist.await("fred bundle uninstalled", () -> java.util.Arrays.stream(context.getBundles())
                    .noneMatch(b -> "io.tideline.feed.fred".equals(b.getSymbolicName())));
            assertThat(tideline.inactiveBundles()).isEmpty();
        } finally {
            fred.stop(0);
        }
    }
}
