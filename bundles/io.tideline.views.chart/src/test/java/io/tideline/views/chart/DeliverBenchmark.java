package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.views.chart.kit.Pane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * UI-thread time of a data refresh of the Chart view (series {@code btc,spx}, 1Y, the sample
 * data, 800x500 shell): the panes updated in place against the full rebuild (forced through
 * {@link ViewBase#refreshInPlace}), measured in the same run, alternating, median of 20 after 10
 * warm-ups of each. Every iteration appends a BTC bar and loads the model off the clock (in the
 * view that runs on the executor); what is timed is the longest hold of the UI thread until the
 * load is shown: {@link ViewBase#deliver} in place, or the longest of the event-loop turns a
 * rebuild takes (one pane per turn, see {@code PaneGroup#reconcile}), and, separately, the UI thread's busy time from then until
 * every shown pane painted (event dispatch only, GTK's frame clock waits left out). Not a timed
 * test: it checks the paths taken and writes {@code target/benchmark-deliver.txt}. Run with
 * {@code xvfb-run -a mvn -B -o test -pl bundles/io.tideline.views.chart -Pbenchmarks -Dtest=DeliverBenchmark}.
 */
@Tag("benchmark")
class DeliverBenchmark {

    private static final int WARMUP = 10;
    private static final int RUNS = 20;

    /** Plots painted since {@link #reset}, seen through a display filter. */
    private static final class Paints implements Listener {
        final Set<Widget> painted = new HashSet<>();

        @Override
        public void handleEvent(org.eclipse.swt.widgets.Event e) {
            painted.add(e.widget);
        }

        void reset() {
            painted.clear();
        }

        boolean all(ChartView view) {
            for (Pane p : view.group().shownPanes()) {
                if (!painted.contains(p.chart().getPlotArea().getControl())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Dispatches until nothing happened for 80 ms (the regime replay has landed, paints are done). */
    private static void drain(Display d) {
        long quietSince = System.nanoTime();
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end && System.nanoTime() - quietSince < 80_000_000L) {
            if (d.readAndDispatch()) {
                quietSince = System.nanoTime();
            } else {
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One refresh: returns {deliver ms, busy ms until painted (after deliver), 1 if painting timed out}. */
    private static double[] refresh(Display d, ChartView view, TestData data, Paints paints, boolean inPlace)
            throws Exception {
        view.refreshInPlace = inPlace;
        data.append("btc");
        ChartView.Loaded model = view.load(view.shownAsOf());
        drain(d);
        paints.reset();
        int before = view.deliveries();
        long t0 = System.nanoTime();
        view.deliver(model);
        long deliver = System.nanoTime() - t0;
        // A rebuild builds one pane per turn of the event loop: the longest turn until the load
        // is shown is what holds the UI thread.
        long end = System.nanoTime() + 2_000_000_000L;
        while (view.deliveries() == before && System.nanoTime() < end) {
            long s = System.nanoTime();
            if (d.readAndDispatch()) {
                deliver = Math.max(deliver, System.nanoTime() - s);
            } else {
                Thread.onSpinWait();
            }
        }
        assertThat(view.deliveries()).as("load shown").isEqualTo(before + 1);
        assertThat(view.lastInPlace()).as("path taken").isEqualTo(inPlace);
        long busy = 0;
        end = System.nanoTime() + 2_000_000_000L;
        while (!paints.all(view) && System.nanoTime() < end) {
            long s = System.nanoTime();
            if (d.readAndDispatch()) {
                busy += System.nanoTime() - s;
            } else {
                Thread.onSpinWait();
            }
        }
        return new double[] {deliver / 1e6, busy / 1e6, paints.all(view) ? 0 : 1};
    }

    private static double median(double[] v) {
        return new Median().evaluate(v);
    }

    @Test
    void inPlaceRefreshAgainstRebuild() throws Exception {
        Display d = Display.getDefault();
        TestData data = TestData.sample();
        Shell shell = new Shell(d);
        Paints paints = new Paints();
        d.addFilter(SWT.Paint, paints);
        try {
            shell.setLayout(new FillLayout());
            shell.setBounds(0, 0, 800, 500);
            ChartView view = new ChartView(shell, new TestContext(Map.of("series", "btc,spx", "range", "1Y"),
                    Locale.ENGLISH), data);
            shell.layout(true, true);
            shell.open();
            assertThat(Swt.pump(view::loaded, 20_000)).as("view loaded").isTrue();
            drain(d);
            int panes = view.group().panes().size();
            double[][] deliver = new double[2][RUNS];
            double[][] painted = new double[2][RUNS];
            double[][] total = new double[2][RUNS];
            double[] reshow = new double[RUNS];
            int timeouts = 0;
            for (int k = 0; k < WARMUP + RUNS; k++) {
                // Alternate which path goes first, so drift on a shared machine hits both alike.
                for (int j = 0; j < 2; j++) {
                    boolean inPlace = (k + j) % 2 == 0;
                    double[] r = refresh(d, view, data, paints, inPlace);
                    if (k >= WARMUP) {
                        deliver[inPlace ? 0 : 1][k - WARMUP] = r[0];
                        painted[inPlace ? 0 : 1][k - WARMUP] = r[1];
                        total[inPlace ? 0 : 1][k - WARMUP] = r[0] + r[1];
                        timeouts += (int) r[2];
                    }
                }
                // The range shown again on its own (what the in-place path mostly is).
                drain(d);
                long t0 = System.nanoTime();
                view.group().setRange(view.group().lower(), view.group().upper());
                if (k >= WARMUP) {
                    reshow[k - WARMUP] = (System.nanoTime() - t0) / 1e6;
                }
            }
            assertThat(view.group().panes()).hasSize(panes);
            double inPlace = median(deliver[0]);
            double rebuild = median(deliver[1]);
            String report = String.format(Locale.ROOT,
                    "Chart view (btc,spx, 1Y, sample data, 800x500, %d panes): UI-thread time of a data refresh,"
                            + " median of %d after %d warm-ups, alternating%n"
                            + "  deliver (one dispatch), in place: %.2f ms%n"
                            + "  deliver (one dispatch), rebuild:  %.2f ms%n"
                            + "  ratio rebuild / in place:         %.2f%n"
                            + "  then until every pane painted (UI-thread busy): in place %.2f ms, rebuild %.2f ms%n"
                            + "  total, in place %.2f ms vs rebuild %.2f ms (ratio %.2f)%n"
                            + "  range shown again alone (setRange: show + relayout): %.2f ms%n"
                            + "  paint waits timed out: %d%n",
                    panes, RUNS, WARMUP, inPlace, rebuild, rebuild / inPlace, median(painted[0]), median(painted[1]),
                    median(total[0]), median(total[1]), median(total[1]) / median(total[0]), median(reshow), timeouts);
            System.out.print(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "benchmark-deliver.txt"), report);
        } finally {
            d.removeFilter(SWT.Paint, paints);
            shell.dispose();
            data.executor.shutdownNow();
        }
    }
}
