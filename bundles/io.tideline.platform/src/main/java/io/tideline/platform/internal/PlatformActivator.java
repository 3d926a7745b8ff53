package io.tideline.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.function.Consumer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Registers the {@link PluginWeaver}, the {@link TrustGate} and the {@link DeployStarter} the
 * moment this bundle starts. The launcher starts it early (header {@code Tideline-Start-Early}),
 * so this runs before FileInstall (org.apache.felix.fileinstall) scans the deploy folder and long before SCR activates any component; a DS component would come too late to stop
 * a jar that was already in {@code deploy/} at start-up. It also removes the configurations whose
 * {@code .cfg} was deleted while Tideline was stopped ({@link StaleConfigurations}); the bundle
 * starts early (header {@code Tideline-Start-Early}), before any component reads them.
 */
public final class PlatformActivator implements BundleActivator {

    private ServiceRegistration<?> registration;
    private ServiceRegistration<?> weaving;
    private ServiceRegistration<?> starterRegistration;
    private DeployStarter starter;
    private ServiceReference<LoggerFactory> logRef;

    @Override
    public void start(BundleContext context) {
        // First of all: no plugin class may be defined before the weaver is in place.
        String home = context.getProperty("tideline.home");
        weaving = context.registerService(WeavingHook.class,
                new PluginWeaver(home == null ? null : Path.of(home).resolve("bundles")), new Hashtable<>());

        String deploy = context.getProperty(Diagnostics.DEPLOY_DIR);
        if (deploy == null) {
            deploy = context.getProperty("felix.fileinstall.dir");
        }
        Path deployDir = deploy == null ? null : Path.of(deploy);
        boolean storedTrust = checkStoredConfigurations(context);
        TrustGate gate = new TrustGate(deployDir, storedTrust || TrustGate.configFileIn(deployDir));
        registration = context.registerService(
                new String[] {ResolverHookFactory.class.getName(), TrustGate.class.getName()}, gate, new Hashtable<>());

        logRef = context.getServiceReference(LoggerFactory.class);
        Logger log = logRef == null ? null
                : context.getService(logRef).getLogger(context.getBundle(), DeployStarter.class.getName(), Logger.class);
        Consumer<String> warn = line -> {
            if (log != null) {
                log.warn(line);
            } else {
                System.err.println("tideline: " + line);
            }
        };
        starter = new DeployStarter(context, gate::deployJar,
                DeployStarter.timeout(context.getProperty(DeployStarter.TIMEOUT_PROPERTY), warn), warn);
        starter.open();
        starterRegistration = context.registerService(DeployStarter.class, starter, new Hashtable<>());
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
            String cmDir = context.getProperty(TrustSettingCheck.CONFIG_DIR_PROPERTY);
            return StaleConfigurations.trustStored(admin, cmDir == null ? null : TrustSettingCheck.storedFile(Path.of(cmDir)));
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                log.error("could not check the stored configurations against deploy/: {}", e.toString(), e);
            }
            // Fail closed: hold deploy jars until the trust component has read (or judged) the setting.
            return true;
        } finally {
            context.ungetService(ref);
            if (logRef != null) {
                context.ungetService(logRef);
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        starterRegistration.unregister();
        starter.close();
        if (logRef != null) {
            context.ungetService(logRef);
        }
        weaving.unregister();
        registration.unregister();
    }
}
