package io.tideline.views.admin.settings;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;

/**
 * Contributes the Settings view ({@value #ID}); the workbench also shows it in its Preferences
 * dialog. One background thread per component reads definitions and writes settings.
 */
@Component(service = ViewFactory.class)
public final class SettingsViewFactory implements ViewFactory {

    /** The view's id in layouts. */
    public static final String ID = "io.tideline.views.settings";

    private static final ViewSpec SPEC = new ViewSpec(ID, "Settings", "Workbench", null);

    @Reference
    private MetaTypeService metaType;

    @Reference
    private ConfigurationAdmin configAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private OsgiSettingsSource source;
    private ExecutorService worker;

    @Activate
    void activate(BundleContext context) {
        source = new OsgiSettingsSource(context, metaType, configAdmin, logger);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tideline-settings-view");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public ViewSpec spec() {
        return SPEC;
    }

    @Override
    public Control create(Composite parent, ViewContext context) {
        return new SettingsView(parent, context, source, task -> {
            try {
                worker.execute(task);
            } catch (RejectedExecutionException e) {
                // The component is going away, and the workbench closes its views with it.
                logger.debug("settings view task dropped after deactivation");
            }
        }).control();
    }
}
