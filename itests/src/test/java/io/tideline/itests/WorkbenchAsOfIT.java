package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The window's views follow the workspace's as-of date, in the real framework with the real
 * bundles and the sample workspace under Xvfb: the morning perspective's heatmap and chart are
 * pictured on the sample's date, after {@code asof latest} and after {@code asof 2026-02-06}
 * again, without reopening anything. Each change must redraw them (a picture that stayed the same
 * would mean a view ignored the date); back on the day, the chart is the one it was. The pictures
 * go to target/screenshots (asof-*.png) for a person to read.
 */
class WorkbenchAsOfIT {

    @TempDir
    Path work;

    @Test
    void theHeatmapAndTheChartFollowThePinnedDate() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh, which starts Xvfb")
                .isNotBlank();
        Path shots = Files.createDirectories(Path.of(System.getProperty("tideline.screenshots")));
        try (TidelineFramework t = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"),
                work.resolve("deploy"), work.resolve("data"), false, false, Map.of()))) {
            BundleContext c = t.context();
            Dist.await("the workbench window", () -> Dist.run(c, "workbench", "views").code() == 0);
            Screen.pointerAway();
            // The sample loads in the background; its last series is the DVOL index.
            Dist.await("the sample loaded", () -> Dist.run(c, "series", "list").out().contains("deribit:BTC:dvol"));
            assertThat(Dist.run(c, "asof").out()).contains("2026-02-06");
            assertThat(Dist.run(c, "workbench", "focus", "morning-heatmap").code()).isZero();
            Dist.await("the morning views live", () -> Dist.run(c, "workbench", "views").out().lines()
                    .filter(l -> l.startsWith("open morning-")).allMatch(l -> l.contains(" LIVE")));

            Pictures pinned = pictures(c, shots, "pinned");
            assertThat(Dist.run(c, "asof", "latest").code()).isZero();
            Pictures latest = pictures(c, shots, "latest");
            assertThat(Dist.run(c, "asof", "2026-02-06").code()).isZero();
            Pictures again = pictures(c, shots, "pinned-again");

            // The scenarios behind the heatmap's tab, to read their day beside the others'.
            assertThat(Dist.run(c, "workbench", "focus", "morning-scenarios").code()).isZero();
            Thread.sleep(2_000);
            Path scenarios = shots.resolve("asof-scenarios-pinned-again.png");
            Dist.Result shot = Dist.run(c, "workbench", "screenshot", scenarios.toString(), "morning-scenarios");
            assertThat(shot.code()).as(shot.err()).isZero();
            Screen.assertDrawn(scenarios);

            // The other perspectives' chart views on the day, for a person to read.
            for (String perspective : List.of("macro", "crypto")) {
                assertThat(Dist.run(c, "workbench", "perspective", perspective).code()).isZero();
                Thread.sleep(6_000);
                Path png = shots.resolve("asof-window-" + perspective + "-pinned-again.png");
                Dist.Result r = Dist.run(c, "workbench", "screenshot", png.toString());
                assertThat(r.code()).as(r.err()).isZero();
                Screen.assertDrawn(png);
            }

            double heatmapMoved = differ(pinned.heatmap(), latest.heatmap());
            double chartMoved = differ(pinned.chart(), latest.chart());
            double heatmapBack = differ(latest.heatmap(), again.heatmap());
            double chartBack = differ(latest.chart(), again.chart());
            double chartSame = differ(pinned.chart(), again.chart());
            System.out.printf("as-of IT: pixels changed: heatmap %.1f%% / %.1f%%, chart %.1f%% / %.1f%%; "
                    + "chart on the day again vs first %.1f%%%n", 100 * heatmapMoved, 100 * heatmapBack,
                    100 * chartMoved, 100 * chartBack, 100 * chartSame);
            assertThat(heatmapMoved).as("the heatmap redrawn for the newest data").isGreaterThan(0.01);
            assertThat(chartMoved).as("the chart redrawn for the newest data").isGreaterThan(0.02);
            assertThat(heatmapBack).as("the heatmap back on the day").isGreaterThan(0.01);
            assertThat(chartBack).as("the chart back on the day").isGreaterThan(0.02);
            // Only the label's reason differs ("set with asof" instead of "the sample's date").
            assertThat(chartSame).as("the chart on the day again is the chart it was").isLessThan(0.02);
        }
    }

    private record Pictures(Path heatmap, Path chart) {
    }

    /** Pictures of the heatmap and the chart once the date's change has reached them. */
    private static Pictures pictures(BundleContext c, Path shots, String name) throws Exception {
        // The desk views wait 1.5 s for quiet before reloading; the loads then take a few seconds.
        Thread.sleep(8_000);
        Path heatmap = shots.resolve("asof-heatmap-" + name + ".png");
        Path chart = shots.resolve("asof-chart-" + name + ".png");
        for (Path png : List.of(heatmap, chart)) {
            String instance = png == heatmap ? "morning-heatmap" : "morning-chart-1";
            Dist.Result r = Dist.run(c, "workbench", "screenshot", png.toString(), instance);
            assertThat(r.code()).as(r.err()).isZero();
            Screen.assertDrawn(png);
        }
        // The whole window too: the status bar, the checklist and the scenarios beside them.
        Path window = shots.resolve("asof-window-" + name + ".png");
        Dist.Result r = Dist.run(c, "workbench", "screenshot", window.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return new Pictures(heatmap, chart);
    }

    /** The share of pixels that differ between two pictures of the same size. */
    private static double differ(Path a, Path b) throws Exception {
        BufferedImage x = ImageIO.read(a.toFile());
        BufferedImage y = ImageIO.read(b.toFile());
        assertThat(y.getWidth()).as("the same view, the same size").isEqualTo(x.getWidth());
        assertThat(y.getHeight()).isEqualTo(x.getHeight());
        long changed = 0;
        for (int j = 0; j < x.getHeight(); j++) {
            for (int i = 0; i < x.getWidth(); i++) {
                if (x.getRGB(i, j) != y.getRGB(i, j)) {
                    changed++;
                }
            }
        }
        return (double) changed / ((long) x.getWidth() * x.getHeight());
    }
}
