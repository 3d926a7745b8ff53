package io.tideline.workbench.internal;

import io.tideline.workbench.internal.layout.Bounds;
import io.tideline.workbench.internal.layout.Side;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Dragging a view's tab: onto another stack's tab row or middle (joins it), onto the outer
 * quarter of a stack's edge (splits it on that side), or outside every window (a window of its
 * own). A translucent rectangle shows where it will land. The drop goes through
 * {@link WorkbenchUi#drop}, the same path the {@code workbench move} command takes. UI thread only.
 */
final class TabDrag {

    private final WorkbenchUi ui;
    private final CTabFolder folder;
    private String dragged;
    private Shell feedback;

    TabDrag(WorkbenchUi ui, CTabFolder folder) {
        this.ui = ui;
        this.folder = folder;
        folder.addListener(SWT.DragDetect, this::start);
        folder.addListener(SWT.MouseMove, this::move);
        folder.addListener(SWT.MouseUp, this::end);
        folder.addListener(SWT.Dispose, e -> hideFeedback());
    }

    private void start(Event e) {
        CTabItem item = folder.getItem(new Point(e.x, e.y));
        if (item != null && item.getData("tideline.instance") instanceof String id) {
            dragged = id;
        }
    }

    private void move(Event e) {
        if (dragged == null) {
            return;
        }
        Point at = folder.toDisplay(e.x, e.y);
        WorkbenchUi.Drop drop = target(at);
        Rectangle r = drop.detachAt() != null
                ? new Rectangle(at.x - 150, at.y - 15, 300, 200) : zone(drop);
        showFeedback(r);
    }

    private void end(Event e) {
        String id = dragged;
        dragged = null;
        hideFeedback();
        if (id == null) {
            return;
        }
        Point at = folder.toDisplay(e.x, e.y);
        if (folder.getClientArea().contains(e.x, e.y) && folder.getItem(new Point(e.x, e.y)) != null) {
            return; // a click, or a drop back on the tab row it came from
        }
        WorkbenchUi.Drop drop = target(at);
        ui.display().asyncExec(() -> {
            if (ui.perspective().view(id).isPresent()) {
                ui.drop(id, drop);
            }
        });
    }

    /** The stack under a display point and the side of it, or a window of its own there. */
    WorkbenchUi.Drop target(Point at) {
        for (Map.Entry<String, CTabFolder> e : ui.folders().entrySet()) {
            CTabFolder f = e.getValue();
            if (f.isDisposed() || !f.isVisible()) {
                continue;
            }
            Rectangle b = displayBounds(f);
            if (b.contains(at)) {
                Side side = DropZones.side(b.x, b.y, b.width, b.height, f.getTabHeight(), at.x, at.y);
                return new WorkbenchUi.Drop(e.getKey(), side, null);
            }
        }
        for (Shell s : ui.shells()) {
            if (!s.isDisposed() && s.getBounds().contains(at)) {
                // Over a window but not a stack (toolbar, status bar): join the first stack.
                String first = ui.folders().keySet().iterator().next();
                return new WorkbenchUi.Drop(first, Side.CENTER, null);
            }
        }
        return new WorkbenchUi.Drop(null, null, new Bounds(at.x - 150, at.y - 15, 480, 360));
    }

    private Rectangle zone(WorkbenchUi.Drop drop) {
        Rectangle b = displayBounds(ui.folders().get(drop.stackId()));
        return switch (drop.side()) {
            case LEFT -> new Rectangle(b.x, b.y, b.width / 2, b.height);
            case RIGHT -> new Rectangle(b.x + b.width / 2, b.y, b.width - b.width / 2, b.height);
            case TOP -> new Rectangle(b.x, b.y, b.width, b.height / 2);
            case BOTTOM -> new Rectangle(b.x, b.y + b.height / 2, b.width, b.height - b.height / 2);
            case CENTER -> b;
        };
    }

    private static Rectangle displayBounds(CTabFolder f) {
        Rectangle r = f.getBounds();
        Point p = f.getParent().toDisplay(r.x, r.y);
        return new Rectangle(p.x, p.y, r.width, r.height);
    }

    private void showFeedback(Rectangle r) {
        if (feedback == null || feedback.isDisposed()) {
            feedback = new Shell(folder.getShell(), SWT.NO_TRIM | SWT.ON_TOP | SWT.NO_FOCUS);
            feedback.setBackground(folder.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
            feedback.setAlpha(90);
        }
        feedback.setBounds(r);
        if (!feedback.isVisible()) {
            feedback.setVisible(true);
        }
    }

    private void hideFeedback() {
        if (feedback != null && !feedback.isDisposed()) {
            feedback.dispose();
        }
        feedback = null;
    }
}
