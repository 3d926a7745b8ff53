package io.tideline.platform.internal;

import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.TrustDecision;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The resolver hook that keeps untrusted code from running: a bundle installed from a jar in the
 * deploy folder may resolve only if the {@link Checker} trusts the jar. A bundle that cannot
 * resolve never loads a class, so nothing of an untrusted jar runs, not even an activator.
 *
 * <p>The gate starts <em>holding</em> when the deploy folder carries a trust configuration file,
 * or ConfigAdmin has a stored trust setting (saved in the settings dialog) that asks for trust:
 * until ConfigAdmin has delivered that configuration to {@link DeployTrustComponent}, no deploy
 * bundle resolves, so a restart never lets an untrusted jar run in the moment before the setting
 * is read. Without either the gate starts open (mode off, the development default).
 *
 * <p>Registered by {@link PlatformActivator} rather than as a DS component because it must be in
 * place before FileInstall's first scan, and FileInstall starts before SCR. Thread-safe: the
 * framework calls the hook from any thread.
 */
final class TrustGate implements ResolverHookFactory {

    /** Decides about deploy jars; implemented by the configured trust component. */
    interface Checker {

        /** Whether the bundle installed from {@code jar} may resolve; called on the framework's thread. */
        TrustDecision decide(Bundle bundle, Path jar);

        /** Called for a bundle that was kept from resolving; must return at once (do the work elsewhere). */
        void refuse(Bundle bundle, Path jar, TrustDecision decision);
    }

    private final Path deployDir;
    private volatile boolean holding;
    /** Null while trust checking is off. */
    private volatile Checker checker;
    /** Why a bundle is kept from resolving, by bundle id; read by the diagnostics. */
    private final Map<Long, String> reasons = new ConcurrentHashMap<>();
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    /**
     * @param deployDir the folder FileInstall watches, or null if there is none
     * @param holding whether to hold deploy bundles back until {@link #open} is called
     */
    TrustGate(Path deployDir, boolean holding) {
        this.deployDir = deployDir == null ? null : deployDir.toAbsolutePath().normalize();
        this.holding = holding;
    }

    /** Whether a trust configuration file lies in the deploy folder, waiting for FileInstall. */
    static boolean configFileIn(Path deployDir) {
        return deployDir != null && (Files.exists(deployDir.resolve(DeployTrust.PID + ".cfg"))
                || Files.exists(deployDir.resolve(DeployTrust.PID + ".config")));
    }

    /** Holds every deploy bundle back until {@link #open} is called. */
    void hold() {
        holding = true;
    }

    /**
     * Lets deploy bundles resolve as the checker decides, or all of them if it is null (mode off).
     *
     * @return the ids of the bundles that were held back meanwhile, for the caller to start
     */
    Set<Long> open(Checker checker) {
        this.checker = checker;
        this.holding = false;
        Set<Long> released = Set.copyOf(held);
        held.removeAll(released);
        released.forEach(reasons::remove);
        return released;
    }

    boolean holding() {
        return holding;
    }

    /** The deploy folder, or null. */
    Path deployDir() {
        return deployDir;
    }

    /** Why the bundle is kept from resolving, or null if the gate does not keep it. */
    String reasonFor(Bundle bundle) {
        return reasons.get(bundle.getBundleId());
    }

    /** Notes that a refused bundle is gone, so its reason is no longer shown. */
    void forget(long bundleId) {
        reasons.remove(bundleId);
        held.remove(bundleId);
    }

    /** The jar in the deploy folder (or below it) the bundle was installed from, or null. */
    Path deployJar(Bundle bundle) {
        if (deployDir == null) {
            return null;
        }
        Path file = fileOf(bundle.getLocation());
        return file != null && file.startsWith(deployDir) && !file.equals(deployDir) ? file : null;
    }

    /** The file a bundle location names: FileInstall uses file: URIs, others may use plain paths. */
    static Path fileOf(String location) {
        if (location == null) {
            return null;
        }
        try {
            if (location.startsWith("file:")) {
                return Path.of(URI.create(location)).toAbsolutePath().normalize();
            }
            if (location.startsWith("/")) {
                return Path.of(location).toAbsolutePath().normalize();
            }
        } catch (IllegalArgumentException e) {
            // Not a file location we understand (e.g. an opaque or malformed URI): not from deploy/.
            return null;
        }
        return null;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new Hook();
    }

    private final class Hook implements ResolverHook {

        @Override
        public void filterResolvable(Collection<BundleRevision> candidates) {
            boolean hold = holding;
            Checker check = checker;
            if (!hold && check == null) {
                return;
            }
            for (Iterator<BundleRevision> it = candidates.iterator(); it.hasNext();) {
                Bundle bundle = it.next().getBundle();
                Path jar = deployJar(bundle);
                if (jar == null) {
                    continue;
                }
                if (hold) {
                    it.remove();
                    held.add(bundle.getBundleId());
                    reasons.put(bundle.getBundleId(), "held back until the deploy trust setting ("
                            + DeployTrust.PID + ") is read");
                    continue;
                }
                TrustDecision decision = check.decide(bundle, jar);
                if (!decision.trusted()) {
                    it.remove();
                    reasons.put(bundle.getBundleId(), "refused by deploy trust: " + decision.reason());
                    check.refuse(bundle, jar, decision);
                }
            }
        }

        @Override
        public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
            // Singletons are not a trust question.
        }

        @Override
        public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            // An untrusted bundle never resolves, so it never offers a capability to filter.
        }

        @Override
        public void end() {
            // Nothing to release.
        }
    }
}
