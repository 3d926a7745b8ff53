package io.tideline.views.desk.heatmap;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.views.desk.DeskData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the correlation heatmap view, {@code io.tideline.views.heatmap}. */
@Component(service = ViewFactory.class)
public final class HeatmapViewFactory implements ViewFactory {

    /** The view id the workbench's perspectives refer to. */
    public static final String ID = "io.tideline.views.heatmap";

    @Reference
    private DeskData data;

    @Override
    public ViewSpec spec() {
        return new ViewSpec(ID, "Correlation heatmap", "Markets", null);
    }

    @Override
    public Control create(Composite parent, ViewContext context) {
        return new HeatmapView(parent, context, data).control();
    }
}
