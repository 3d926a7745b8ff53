package io.tideline.views.desk.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.desk.DeskListener;
import io.tideline.views.desk.FakeDesk;
import io.tideline.views.desk.Fixtures;
import io.tideline.views.desk.SwtHarness;
import io.tideline.views.desk.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Heatmap redraw time for 20 series against the 7-series default, both measured in this run on
 * the same canvas: median of 20 redraws each (after 5 warm-up redraws), reported as a ratio.
 * Run with {@code -Pbenchmarks} under a display; results go to {@code target/benchmarks/heatmap.txt}.
 */
@Tag("benchmark")
class HeatmapBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 20;

    @Test
    void redrawOfTwentySeriesAgainstTheSevenSeriesDefault() throws Exception {
        FakeDesk desk = new FakeDesk();
        desk.matrix = Fixtures.matrix(7);
        Shell shell = SwtHarness.shell(1000, 800);
        try {
            HeatmapView view = new HeatmapView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
            AtomicInteger paints = new AtomicInteger();
            view.canvas().addListener(SWT.Paint, e -> paints.incrementAndGet());
            shell.open();
            SwtHarness.pumpUntil(() -> view.layout() != null && view.layout().n() == 7, 10_000, "7 series");
            double base = median(view, paints);

            desk.matrix = Fixtures.matrix(20);
            desk.listeners.forEach(DeskListener::dataChanged);
            SwtHarness.pumpUntil(() -> view.layout() != null && view.layout().n() == 20, 10_000, "20 series");
            double twenty = median(view, paints);

            double ratio = twenty / base;
            String report = String.format(Locale.ROOT,
                    "heatmap redraw, median of %d (after %d warm-up), canvas %dx%d%n"
                            + "  7 series (baseline): %.3f ms%n  20 series:           %.3f ms%n  ratio 20/7:          %.2f%n",
                    RUNS, WARMUP, view.canvas().getSize().x, view.canvas().getSize().y, base, twenty, ratio);
            System.out.print(report);
            Path out = Path.of("target", "benchmarks");
            Files.createDirectories(out);
            Files.writeString(out.resolve("heatmap.txt"), report);
            // 400 cells against 49: a redraw should stay well inside a frame budget for hovering.
            assertThat(twenty).as("20-series redraw median, ms").isLessThan(100.0);
        } finally {
            shell.dispose();
        }
    }

    private static double median(HeatmapView view, AtomicInteger paints) {
        double[] ms = new double[RUNS];
        for (int k = -WARMUP; k < RUNS; k++) {
            int before = paints.get();
            long t0 = System.nanoTime();
            view.canvas().redraw();
            view.canvas().update();
            SwtHarness.pumpUntil(() -> paints.get() > before, 5_000, "a paint");
            long t1 = System.nanoTime();
            if (k >= 0) {
                ms[k] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2;
    }
}
