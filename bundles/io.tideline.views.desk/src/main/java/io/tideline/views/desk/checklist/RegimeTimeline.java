package io.tideline.views.desk.checklist;

import io.tideline.regime.api.Verdict;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.Messages;
import io.tideline.views.desk.Swt;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * A strip of regimes, one coloured band per day of a replay; hovering names the day's regime,
 * tier and action, clicking opens the day. Drawn with GC on a canvas.
 */
public final class RegimeTimeline {

    static final int HEIGHT = 28;

    private final Canvas canvas;
    private final Messages msg;
    private List<Verdict> days = List.of();
    private String marked;

    RegimeTimeline(Composite parent, Messages msg, Consumer<LocalDate> onPick) {
        this.msg = msg;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.MouseMove, e -> {
            int k = index(e.x);
            String tip = k < 0 ? null : tip(days.get(k));
            if (!java.util.Objects.equals(tip, canvas.getToolTipText())) {
                canvas.setToolTipText(tip);
            }
        });
        canvas.addListener(SWT.MouseUp, e -> {
            int k = index(e.x);
            if (k >= 0) {
                onPick.accept(days.get(k).day());
            }
        });
    }

    /** The canvas. */
    public Canvas control() {
        return canvas;
    }

    /** The verdicts shown, oldest first. */
    public List<Verdict> days() {
        return days;
    }

    void show(List<Verdict> verdicts) {
        days = List.copyOf(verdicts);
        canvas.redraw();
    }

    void mark(String asOf) {
        marked = asOf;
        canvas.redraw();
    }

    /** The tooltip for a day. */
    String tip(Verdict v) {
        return msg.format("checklist.timeline.tip", v.asOf(), Words.regime(msg, v.regime()), v.tier(),
                Words.action(msg, v.action()));
    }

    /** The day under x, or -1. */
    int index(int x) {
        int width = canvas.getClientArea().width;
        if (days.isEmpty() || width <= 0 || x < 0 || x >= width) {
            return -1;
        }
        return Math.min(days.size() - 1, (int) ((long) x * days.size() / width));
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(area);
        int n = days.size();
        if (n == 0) {
            return;
        }
        for (int k = 0; k < n; k++) {
            int x0 = (int) ((long) k * area.width / n);
            int x1 = (int) ((long) (k + 1) * area.width / n);
            Verdict v = days.get(k);
            gc.setBackground(Swt.color(ColorScale.regime(v.regime())));
            gc.fillRectangle(x0, 0, Math.max(1, x1 - x0), area.height);
            if (v.asOf().equals(marked)) {
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
                gc.setLineWidth(2);
                gc.drawRectangle(x0, 1, Math.max(2, x1 - x0), area.height - 2);
                gc.setLineWidth(1);
            }
        }
    }
}
