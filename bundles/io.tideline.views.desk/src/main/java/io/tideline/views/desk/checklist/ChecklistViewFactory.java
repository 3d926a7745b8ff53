package io.tideline.views.desk.checklist;

import io.tideline.api.desk.Desk;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.ui.kit.SimpleViewFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the checklist view, {@code io.tideline.views.checklist}. */
@Component(service = ViewFactory.class)
public final class ChecklistViewFactory extends SimpleViewFactory {

    /** The view id the workbench's perspectives refer to. */
    public static final String ID = "io.tideline.views.checklist";

    /** The factory over the bundle's data service (constructor injection). */
    @Activate
    public ChecklistViewFactory(@Reference Desk data) {
        super(new ViewSpec(ID, "Checklist", "Risk", null),
                (parent, context) -> new ChecklistView(parent, context, data).control());
    }
}
