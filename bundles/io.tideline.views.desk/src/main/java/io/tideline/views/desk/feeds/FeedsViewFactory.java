package io.tideline.views.desk.feeds;

import io.tideline.api.desk.Desk;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.ui.kit.SimpleViewFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the feeds and alerts view, {@code io.tideline.views.feeds}. */
@Component(service = ViewFactory.class)
public final class FeedsViewFactory extends SimpleViewFactory {

    /** The view id the workbench's perspectives refer to. */
    public static final String ID = "io.tideline.views.feeds";

    /** The factory over the bundle's data service (constructor injection). */
    @Activate
    public FeedsViewFactory(@Reference Desk data) {
        super(new ViewSpec(ID, "Feeds and alerts", "Data", null),
                (parent, context) -> new FeedsView(parent, context, data).control());
    }
}
