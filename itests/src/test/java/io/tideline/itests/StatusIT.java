package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * {@code status} in the real distribution: problems come from every service that reports them,
 * a fresh sample on its own date has none, and a stale feed, a refused connector setting and a
 * core role whose data is stale at the as-of instant each make it exit 1, named.
 */
class StatusIT {

    @TempDir
    Path work;

    @Test
    void staleFeedsRefusedSettingsAndStaleCoreRolesAreProblemsTheSampleOnItsDateHasNone() throws Exception {
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            awaitSample(context);
            Dist.Result fresh = Dist.run(context, "status");
            assertThat(fresh.code()).as(fresh.out() + fresh.err()).isZero();
            assertThat(fresh.out()).contains("Problems: none").doesNotContain("core roles").doesNotContain("stale");
        }

        // An earlier process recorded binance's last success 10 days ago; yahoo's .cfg is refused.
        long tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS).toEpochMilli();
        Files.writeString(work.resolve("data/workspace/feed-health.json"), """
                {"version": 1, "feeds": {"binance": {"state": "UP", "lastSuccessMillis": %d, "lastError": null,
                 "recordedMillis": %d}}}
                """.formatted(tenDaysAgo, tenDaysAgo));
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Dist.write(deploy, "io.tideline.feed.yahoo.cfg", "maxAttempts = lots\n");
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            Dist.await("yahoo DOWN with its refused setting", () -> Dist.run(context, "feeds", "status").out().lines()
                    .anyMatch(l -> l.matches("yahoo\\s+DOWN\\s.*settings rejected.*maxAttempts.*")));
            Dist.Result status = Dist.run(context, "status");
            assertThat(status.code()).as(status.out()).isEqualTo(1);
            assertThat(status.out()).contains("  feeds:\n")
                    .contains("feed binance is stale: last success ", "10 d ago (stale after 24 h)",
                            "(recorded ", "before this process)")
                    .contains("feed yahoo is DOWN, last success never: settings rejected: "
                            + deploy.resolve("io.tideline.feed.yahoo.cfg"))
                    .contains("maxAttempts = 'lots': expected a whole number")
                    .doesNotContain("core roles");

            // Unpinned, the sample's data is measured against today: every core role is stale.
            assertThat(Dist.run(context, "asof", "latest").code()).isZero();
            Dist.Result latest = Dist.run(context, "status");
            assertThat(latest.code()).isEqualTo(1);
            assertThat(latest.out()).contains("  core roles:\n")
                    .contains("role us10y (fred:DGS10) is stale now: newest bar 2026-04-13, ")
                    .contains("role btc (binance:BTCUSDT) is stale now: newest bar 2026-08-21, ")
                    .contains("role btc.funding (binance:BTCUSDT:funding) is stale now");

            // Pinned to the sample's date again, no core role is stale; the feed problems remain.
            assertThat(Dist.run(context, "asof", "2026-02-06").code()).isZero();
            Dist.Result pinned = Dist.run(context, "status");
            assertThat(pinned.out()).doesNotContain("core roles").contains("feed yahoo is DOWN");
        }
    }

    private void awaitSample(BundleContext context) throws InterruptedException {
        Dist.await("the sample workspace loaded with its date", () -> Dist.run(context, "asof").out()
                .startsWith("as of 2026-02-06, the sample's date"));
        Path marker = work.resolve("data/workspace/sample-loaded");
        Dist.await("the sample workspace loaded whole", () -> {
            try {
                return Files.exists(marker) && Files.readString(marker).startsWith("loaded");
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }
}
