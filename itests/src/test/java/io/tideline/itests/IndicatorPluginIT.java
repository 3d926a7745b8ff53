package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The SDK path: the example indicator plugin, built like a team's would be, hot-deployed into a
 * running Tideline, computed from the store, and gone when its jar is deleted.
 */
class IndicatorPluginIT {

    @TempDir
    Path work;

    @Test
    void aDeployedIndicatorPluginComputesFromTheStoreAndLeavesCleanly() throws Exception {
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            assertThat(Dist.run(context, "indicator", "list").out()).doesNotContain("example-momentum");

            Path jar = Dist.drop(Dist.DEPLOYABLES.resolve("momentum.jar"), work.resolve("deploy"), "momentum.jar");
            Dist.await("plugin listed", () -> Dist.run(context, "indicator", "list").out().contains("example-momentum"));
            assertThat(Dist.run(context, "indicator", "list").out())
                    .contains("example-momentum       Momentum (example plugin); inputs [price]; from io.tideline.example.indicator");

            // The reference: closes read straight from the store, and the percent change by hand.
            List<String> closes = Dist.run(context, "series", "show", "binance:BTCUSDT", "--from", "2020-03-11", "--to",
                    "2020-03-12").out().lines().skip(1).toList();
            double c11 = Double.parseDouble(closes.get(0).split(",")[4]);
            double c12 = Double.parseDouble(closes.get(1).split(",")[4]);

            Dist.Result r = Dist.run(context, "indicator", "compute", "example-momentum", "btc", "--param", "periods=1",
                    "--from", "2020-03-11", "--to", "2020-03-12");
            assertThat(r.code()).as(r.err()).isZero();
            List<String> rows = r.out().lines().toList();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1)).isEqualTo("2020-03-11T00:00:00Z,");
            double computed = Double.parseDouble(rows.get(2).split(",")[1]);
            assertThat(computed).isCloseTo(100 * (c12 / c11 - 1), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(computed).as("BTC fell about 39% on 2020-03-12").isBetween(-40.0, -38.0);

            Files.delete(jar);
            Dist.await("plugin gone", () -> !Dist.run(context, "indicator", "list").out().contains("example-momentum"));
            assertThat(Dist.run(context, "indicator", "compute", "example-momentum", "btc").err())
                    .contains("no indicator 'example-momentum' is installed");
        }
    }
}
