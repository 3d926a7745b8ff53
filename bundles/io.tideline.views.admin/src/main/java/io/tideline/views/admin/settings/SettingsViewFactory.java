package io.tideline.views.admin.settings;

import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.ui.kit.SimpleViewFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;

/**
 * Contributes the Settings view ({@value #ID}); the workbench also shows it in its Preferences
 * dialog. Each view reads definitions and writes settings on the view kit's background, whose
 * threads end with the view.
 */
@Component(service = ViewFactory.class)
public final class SettingsViewFactory extends SimpleViewFactory {

    /** The view's id in layouts. */
    public static final String ID = "io.tideline.views.settings";

    private static final ViewSpec SPEC = new ViewSpec(ID, "Settings", "Workbench", null);

    /** Reads the components' definitions from {@code metaType} and their settings from {@code configAdmin}. */
    @Activate
    public SettingsViewFactory(BundleContext context, @Reference MetaTypeService metaType,
            @Reference ConfigurationAdmin configAdmin, @Reference(service = LoggerFactory.class) Logger logger) {
        this(new OsgiSettingsSource(context, metaType, configAdmin, logger));
    }

    private SettingsViewFactory(OsgiSettingsSource source) {
        super(SPEC, (parent, context) -> new SettingsView(parent, context, source).control());
    }
}
