package io.tideline.workbench.internal;

import io.tideline.workbench.internal.WorkbenchDesk.Offered;
import io.tideline.workbench.internal.WorkbenchDesk.Open;
import io.tideline.workbench.internal.WorkbenchDesk.StackGeometry;
import io.tideline.workbench.internal.WorkbenchDesk.TabGeometry;
import io.tideline.workbench.internal.WorkbenchDesk.Views;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

/**
 * What the open window shows, read from its widgets into the {@link WorkbenchDesk}'s values for
 * the {@code workbench views} and {@code workbench geometry} commands. UI thread only.
 */
final class WindowReadings {

    private WindowReadings() {
    }

    /** The views offered, the instances open (and whether their tab is the visible one), the stacks shown. */
    static Views views(WorkbenchUi u) {
        List<Offered> offered = new ArrayList<>();
        for (Registry.Entry e : u.registry().all()) {
            offered.add(new Offered(e.spec().id(), e.spec().category(), e.plugin()));
        }
        List<Open> open = new ArrayList<>();
        for (ViewHost h : u.hosts().values()) {
            boolean shown = !h.holder().isDisposed() && h.holder().getParent() instanceof CTabFolder
                    && h.holder().isVisible();
            open.add(new Open(h.instanceId(), h.viewId(), h.state() == null ? "PENDING" : h.state().name(), shown,
                    h.message()));
        }
        return new Views(offered, open, u.folders().size());
    }

    /** Where each visible stack and its showing tab headers are on the display. */
    static List<StackGeometry> geometry(WorkbenchUi u) {
        List<StackGeometry> stacks = new ArrayList<>();
        for (var e : u.folders().entrySet()) {
            CTabFolder f = e.getValue();
            if (f.isDisposed() || !f.isVisible()) {
                continue;
            }
            Point o = f.toDisplay(0, 0);
            Point size = f.getSize();
            List<TabGeometry> tabs = new ArrayList<>();
            for (CTabItem item : f.getItems()) {
                if (item.getData("tideline.instance") instanceof String id && item.isShowing()) {
                    Rectangle b = item.getBounds();
                    tabs.add(new TabGeometry(id, o.x + b.x, o.y + b.y, b.width, b.height));
                }
            }
            stacks.add(new StackGeometry(e.getKey(), o.x, o.y, size.x, size.y, f.getTabHeight(), tabs));
        }
        return stacks;
    }
}
