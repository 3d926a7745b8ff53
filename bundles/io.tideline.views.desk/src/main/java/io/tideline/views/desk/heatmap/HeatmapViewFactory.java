package io.tideline.views.desk.heatmap;

import io.tideline.api.desk.Desk;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.ui.kit.SimpleViewFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the correlation heatmap view, {@code io.tideline.views.heatmap}. */
@Component(service = ViewFactory.class)
public final class HeatmapViewFactory extends SimpleViewFactory {

    /** The view id the workbench's perspectives refer to. */
    public static final String ID = "io.tideline.views.heatmap";

    /** The factory over the bundle's data service (constructor injection). */
    @Activate
    public HeatmapViewFactory(@Reference Desk data) {
        super(new ViewSpec(ID, "Correlation heatmap", "Markets", null),
                (parent, context) -> new HeatmapView(parent, context, data).control());
    }
}
