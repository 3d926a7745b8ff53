package io.tideline.views.desk.feeds;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.views.desk.DeskData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the feeds and alerts view, {@code io.tideline.views.feeds}. */
@Component(service = ViewFactory.class)
public final class FeedsViewFactory implements ViewFactory {

    /** The view id the workbench's perspectives refer to. */
    public static final String ID = "io.tideline.views.feeds";

    @Reference
    private DeskData data;

    @Override
    public ViewSpec spec() {
        return new ViewSpec(ID, "Feeds and alerts", "Data", null);
    }

    @Override
    public Control create(Composite parent, ViewContext context) {
        return new FeedsView(parent, context, data).control();
    }
}
