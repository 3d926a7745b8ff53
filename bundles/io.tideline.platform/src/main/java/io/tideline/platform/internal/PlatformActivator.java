package io.tideline.platform.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;

/**
 * Registers the {@link TrustGate} the moment this bundle starts. The launcher starts bundles in
 * name order, so this runs before FileInstall (org.apache.felix.fileinstall) scans the deploy
 * folder and long before SCR activates any component; a DS component would come too late to stop
 * a jar that was already in {@code deploy/} at start-up.
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
        TrustGate gate = new TrustGate(deployDir, TrustGate.configFileIn(deployDir));
        registration = context.registerService(
                new String[] {ResolverHookFactory.class.getName(), TrustGate.class.getName()}, gate, new Hashtable<>());
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
