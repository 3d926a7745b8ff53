package io.tideline.views.desk.scenarios;

import io.tideline.api.desk.Desk;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.ui.kit.SimpleViewFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the scenarios view, {@code io.tideline.views.scenarios}. */
@Component(service = ViewFactory.class)
public final class ScenariosViewFactory extends SimpleViewFactory {

    /** The view id the workbench's perspectives refer to. */
    public static final String ID = "io.tideline.views.scenarios";

    /** The factory over the bundle's data service (constructor injection). */
    @Activate
    public ScenariosViewFactory(@Reference Desk data) {
        super(new ViewSpec(ID, "Scenarios", "Risk", null),
                (parent, context) -> new ScenariosView(parent, context, data).control());
    }
}
