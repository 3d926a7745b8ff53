package io.tideline.views.chart.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild of a group's panes spreads over turns of the event loop, one pane per turn: the old
 * panes stay shown until every new one is built and laid out at the range the view will show,
 * then all swap in on one turn; a second reconcile meanwhile abandons the first.
 */
class PaneGroupRebuildTest {

    private static final long DAY = 86_400_000L;
    private static final Color BLUE = new Color(0, 0, 255);

    private Shell shell;
    private PaneGroup group;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(800, 600);
        group = new PaneGroup();
        group.host(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private static List<PaneSpec> specs(String... titles) {
        long[] t = new long[400];
        double[] v = new double[400];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * DAY;
            v[i] = 100 + i;
        }
        List<PaneSpec> out = new ArrayList<>();
        for (String title : titles) {
            PaneSpec s = new PaneSpec(title, "USD");
            s.add(new Layer(title.toLowerCase(Locale.ROOT), title, SeriesData.ofValues(t, v), Layer.Style.LINE, BLUE));
            out.add(s);
        }
        return out;
    }

    private static boolean pump(java.util.function.BooleanSupplier done, long millis) {
        Display d = Display.getDefault();
        long end = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
        return done.getAsBoolean();
    }

    private Composite host() {
        return (Composite) shell.getChildren()[0];
    }

    @Test
    void theOldPanesStayUntilEveryNewPaneIsBuiltThenAllSwapInAtTheTargetRange() {
        boolean[] first = new boolean[1];
        group.reconcile(specs("Old"), Locale.ENGLISH, false, null, inPlace -> first[0] = true);
        assertThat(pump(() -> first[0], 10_000)).as("first build done").isTrue();
        assertThat(group.panes()).extracting(Pane::name).containsExactly("Old");

        List<Boolean> calls = new ArrayList<>();
        group.reconcile(specs("Price", "Volume", "Indicators"), Locale.ENGLISH, true,
                PaneGroup.Target.range(100 * DAY, 200 * DAY), calls::add);
        assertThat(calls).as("a new structure is not shown within the call").isEmpty();
        Display d = Display.getDefault();
        int turns = 0;
        int mostCharts = 0;
        long end = System.currentTimeMillis() + 10_000;
        while (calls.isEmpty() && System.currentTimeMillis() < end) {
            assertThat(group.panes()).extracting(Pane::name).as("old panes shown while building").containsExactly("Old");
            mostCharts = Math.max(mostCharts, host().getChildren().length);
            if (d.readAndDispatch()) {
                turns++;
            } else {
                Thread.onSpinWait();
            }
        }
        assertThat(calls).as("rebuilt, not in place").containsExactly(false);
        assertThat(turns).as("one turn per pane, then one to swap in").isGreaterThanOrEqualTo(4);
        assertThat(mostCharts).as("the old chart and the three new, hidden, before the swap").isEqualTo(4);
        assertThat(group.panes()).extracting(Pane::name).containsExactly("Price", "Volume", "Indicators");
        assertThat(host().getChildren()).as("the old chart disposed").hasSize(3);
        for (Pane p : group.panes()) {
            // Laid out at the target while hidden: the time axis already spans the range the view shows.
            org.eclipse.swtchart.Range x = p.chart().getAxisSet().getXAxis(0).getRange();
            assertThat((long) x.lower).isEqualTo(100 * DAY);
            assertThat((long) x.upper).isEqualTo(200 * DAY);
        }
        assertThat(group.upper()).as("the group's range is the caller's to set").isZero();
        group.setRange(100 * DAY, 200 * DAY);
        assertThat(group.lower()).isEqualTo(100 * DAY);
        assertThat(group.upper()).isEqualTo(200 * DAY);
    }

    @Test
    void aReconcileDuringARebuildAbandonsIt() {
        List<String> calls = new ArrayList<>();
        group.reconcile(specs("A", "B", "C"), Locale.ENGLISH, false, null, inPlace -> calls.add("first"));
        Display.getDefault().readAndDispatch();
        group.reconcile(specs("D"), Locale.ENGLISH, false, PaneGroup.Target.of(PaneGroup.Preset.Y1),
                inPlace -> calls.add("second"));
        assertThat(pump(() -> !calls.isEmpty(), 10_000)).isTrue();
        pump(() -> false, 300); // a stray turn of the abandoned build would run now: it must not
        assertThat(calls).containsExactly("second");
        assertThat(group.panes()).extracting(Pane::name).containsExactly("D");
        assertThat(host().getChildren()).as("the abandoned build's charts disposed").hasSize(1);
    }
}
