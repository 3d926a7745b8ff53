package io.tideline.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Registers the {@link TrustGate} the moment this bundle starts. The launcher starts bundles in
 * name order, so this runs before FileInstall (org.apache.felix.fileinstall) scans the deploy
 * folder and long before SCR activates any component; a DS component would come too late to stop
 * a jar that was already in {@code deploy/} at start-up. It also removes the configurations whose
 * {@code .cfg} was deleted while Tideline was stopped ({@link StaleConfigurations}); the bundle
 * starts early (header {@code Tideline-Start-Early}), before any component reads them.
 */
public final class PlatformActivator implements BundleActivator {

    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        String deploy = context.getProperty("tideline.deploy.dir");
        if (deploy == null) {
            deploy = context.getProperty("felix.fileinstall.dir");
        }
        Path deployDir = deploy == null ? null : Path.of(deploy);
        boolean storedTrust = checkStoredConfigurations(context);
        TrustGate gate = new TrustGate(deployDir, storedTrust || TrustGate.configFileIn(deployDir));
        registration = context.registerService(
                new String[] {ResolverHookFactory.class.getName(), TrustGate.class.getName()}, gate, new Hashtable<>());
    }

    /**
     * Removes the configurations whose {@code .cfg} was deleted while Tideline was stopped, then
     * says whether a stored deploy trust setting (saved in the settings dialog) asks for trust,
     * so the gate holds deploy jars until that setting is read, as it does for a {@code .cfg}.
     */
    private static boolean checkStoredConfigurations(BundleContext context) {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        if (ref == null) {
            return false; // no ConfigAdmin (the launcher starts it first): nothing stored to check
        }
        ConfigurationAdmin admin = context.getService(ref);
        // Through the OSGi log (started before this bundle): the console log prints it once it runs.
        ServiceReference<LoggerFactory> logRef = context.getServiceReference(LoggerFactory.class);
        Logger log = logRef == null ? null
                : context.getService(logRef).getLogger(context.getBundle(), PlatformActivator.class.getName(), Logger.class);
        try {
            StaleConfigurations.purge(admin, line -> {
                if (log != null) {
                    log.warn(line);
                }
            });
            return StaleConfigurations.trustStored(admin);
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                log.error("could not check the stored configurations against deploy/: {}", e.toString(), e);
            }
            return false;
        } finally {
            context.ungetService(ref);
            if (logRef != null) {
                context.ungetService(logRef);
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
