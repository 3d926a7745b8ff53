package io.tideline.workbench.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Opens the display as the bundle starts, unless the framework runs headless: the launcher starts
 * this bundle before the OSGi runtime (header {@code Tideline-Start-Early: first}), so GTK starts
 * and the layout is read while SCR and ConfigAdmin start, and {@link WorkbenchWindow} finds both
 * ready when SCR activates it ({@link EarlyDisplay}).
 */
public final class WorkbenchActivator implements BundleActivator {

    /** The display opened at this bundle's start, until the window takes it. */
    private static final AtomicReference<EarlyDisplay> EARLY = new AtomicReference<>();

    /** Created by the framework. */
    public WorkbenchActivator() {
    }

    @Override
    public void start(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty("tideline.headless"))) {
            EARLY.set(EarlyDisplay.open("swt-ui", context));
        }
    }

    @Override
    public void stop(BundleContext context) {
        EarlyDisplay e = take();
        if (e != null) {
            e.cancel();
        }
    }

    /** The display opened at the bundle's start, once: null after the first call, or if none was opened. */
    static EarlyDisplay take() {
        return EARLY.getAndSet(null);
    }
}
