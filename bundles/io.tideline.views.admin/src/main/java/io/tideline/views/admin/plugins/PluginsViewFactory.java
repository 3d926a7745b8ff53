package io.tideline.views.admin.plugins;

import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.DeployTrust;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Contributes the Plugins view ({@value #ID}) for admins. Diagnostics and the deploy trust
 * check are optional and dynamic: the view works without them and picks them up when they come.
 * Each view reads and operates on the view kit's background, whose threads end with the view.
 *
 * <p>Not a {@link io.tideline.api.ui.kit.SimpleViewFactory}: the source reads the dynamic
 * references of this component, which a constructor cannot hand to its superclass.
 */
@Component(service = ViewFactory.class)
public final class PluginsViewFactory implements ViewFactory {

    /** The view's id in layouts. */
    public static final String ID = "io.tideline.views.plugins";

    private static final ViewSpec SPEC = new ViewSpec(ID, "Plugins", "Workbench", null);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BundleDiagnostics diagnostics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeployTrust trust;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private OsgiPluginsSource source;

    @Activate
    void activate(BundleContext context) {
        source = new OsgiPluginsSource(context, () -> diagnostics, () -> trust, logger);
    }

    @Override
    public ViewSpec spec() {
        return SPEC;
    }

    @Override
    public Control create(Composite parent, ViewContext context) {
        return new PluginsView(parent, context, source).control();
    }
}
