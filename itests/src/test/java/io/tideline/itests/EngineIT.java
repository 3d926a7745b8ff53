package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The engine over the sample workspace, through its headless command. */
class EngineIT {

    @TempDir
    Path work;

    @Test
    void theCorrelationMatrixAgreesWithThePairwiseIndicator() throws Exception {
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            Dist.Result m = Dist.run(context, "indicator", "matrix", "btc", "eth", "ndx", "dollar", "--window", "30",
                    "--at", "2026-02-06");
            assertThat(m.code()).as(m.err()).isZero();
            List<String[]> rows = m.out().lines().skip(1).map(l -> l.trim().split("\\s+")).toList();
            assertThat(rows).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(rows.get(i)[i + 1]).isEqualTo("1");
                for (int j = 0; j < 4; j++) {
                    assertThat(rows.get(i)[j + 1]).as("symmetric").isEqualTo(rows.get(j)[i + 1]);
                }
            }
            double btcEth = Double.parseDouble(rows.get(0)[2]);
            assertThat(btcEth).as("BTC and ETH move together").isGreaterThan(0.5);

            Dist.Result pair = Dist.run(context, "indicator", "compute", "correlation", "btc", "eth", "--param",
                    "window=30", "--to", "2026-02-06", "--tail", "1");
            double last = Double.parseDouble(pair.out().lines().skip(1).findFirst().orElseThrow().split(",")[1]);
            assertThat(btcEth).isCloseTo(last, org.assertj.core.data.Offset.offset(0.0005));

            Dist.Result bad = Dist.run(context, "indicator", "matrix", "btc", "nosuch");
            assertThat(bad.code()).isEqualTo(1);
            assertThat(bad.err()).contains("btc/nosuch: input nosuch: 'nosuch' is neither a bound role nor a series id");
        }
    }
}
