package io.tideline.views.desk.checklist;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.views.desk.DeskData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the checklist view, {@code io.tideline.views.checklist}. */
@Component(service = ViewFactory.class)
public final class ChecklistViewFactory implements ViewFactory {

    /** The view id the workbench's perspectives refer to. */
    public static final String ID = "io.tideline.views.checklist";

    @Reference
    private DeskData data;

    @Override
    public ViewSpec spec() {
        return new ViewSpec(ID, "Checklist", "Risk", null);
    }

    @Override
    public Control create(Composite parent, ViewContext context) {
        return new ChecklistView(parent, context, data).control();
    }
}
