package io.tideline.platform.internal;

import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.RefusedJar;
import io.tideline.api.platform.TrustDecision;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The deploy trust setting ({@value DeployTrust#PID}), and the {@link TrustDesk} the {@code trust}
 * command ({@link TrustCommand}) works through. In mode
 * {@code trusted} it tells the {@link TrustGate} which deploy jars may resolve; a refused jar is
 * moved from {@code deploy/} to {@code DATA_DIR/refused/} (outside the folder FileInstall watches,
 * so it is not picked up again) with a {@code .reason.txt} beside it, logged as a warning, and
 * its bundle uninstalled.
 *
 * <p>Bundles already running from {@code deploy/} when trust is switched on are checked at once
 * and refused like new ones. A jar is checked against the file in {@code deploy/}, and the
 * installed bundle must hold exactly the entries of that file, so a jar swapped after FileInstall
 * read it is refused too.
 */
@Component(service = {DeployTrust.class, TrustDesk.class}, configurationPid = DeployTrust.PID, immediate = true)
@Designate(ocd = TrustConfig.class)
public final class DeployTrustComponent implements TrustDesk, TrustGate.Checker {

    /** How long FileInstall gets to uninstall a bundle whose jar was moved away before we do. */
    private static final long FILEINSTALL_GRACE_MILLIS = 3_000;
    /** How long a held deploy folder may wait for its configuration before that is reported. */
    private static final long HOLD_WARN_SECONDS = 20;
    private static final HexFormat HEX = HexFormat.of();

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference
    private TrustGate gate;

    /** Starts the deploy bundles the gate held back, with the plugins' time limit. */
    @Reference
    private DeployStarter starter;

    /** Tells whether a stored trust setting could be read at all. */
    @Reference
    private ConfigurationAdmin configAdmin;

    private BundleContext context;
    private ScheduledExecutorService worker;
    private ScheduledFuture<?> holdWarning;

    private volatile Mode mode = Mode.OFF;
    private volatile Path trustStore;
    private volatile char[] password;
    private volatile Path allowList;
    /** What is wrong with the setting itself; any entry makes the mode strict. */
    private volatile List<String> settingProblems = List.of();
    private Path refusedDir;

    private final List<RefusedJar> refused = new CopyOnWriteArrayList<>();
    /** Bundles whose refusal is under way, so a second resolve attempt does not refuse twice. */
    private final Set<Long> refusing = ConcurrentHashMap.newKeySet();
    /** Decisions by bundle id and last-modified time: a bundle is resolved more than once. */
    private final Map<String, TrustDecision> decisions = new ConcurrentHashMap<>();

    @Activate
    void activate(BundleContext context, TrustConfig config, Map<String, Object> properties) {
        this.context = context;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-deploy-trust");
            t.setDaemon(true);
            return t;
        });
        refusedDir = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("refused");
        refused.addAll(RefusalRecord.readAll(refusedDir, logger));
        apply(config, properties);
    }

    @Modified
    void modified(TrustConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // Fail closed: without this component nobody can tell trusted jars from others.
        if (mode == Mode.TRUSTED) {
            gate.hold();
        }
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private synchronized void apply(TrustConfig config, Map<String, Object> properties) {
        Path dataDir = refusedDir.getParent();
        Path trustDir = dataDir.resolve("workspace").resolve("trust");
        password = config._truststore_password().toCharArray();
        boolean fromConfigAdmin = properties.containsKey(Constants.SERVICE_PID);
        List<String> problems = settingProblems(fromConfigAdmin, properties);
        trustStore = TrustSettingCheck.path("truststore", config.truststore(), trustDir.resolve("truststore.p12"),
                problems);
        allowList = TrustSettingCheck.path("allowlist", config.allowlist(), trustDir.resolve("allowed-sha256.txt"),
                problems);
        Mode parsed = TrustSettingCheck.mode(config.mode(), problems);
        // Fail closed: a setting that is there but cannot be understood never means "off".
        mode = problems.isEmpty() ? parsed : Mode.TRUSTED;
        settingProblems = List.copyOf(problems);
        problems.forEach(p -> logger.error("deploy trust: {}; checking trust (mode trusted) until it is fixed", p));
        decisions.clear();

        if (!fromConfigAdmin && TrustGate.configFileIn(gate.deployDir()) && problems.isEmpty()) {
            // The file is there but FileInstall has not handed it to ConfigAdmin yet: keep holding.
            gate.hold();
            logger.info("deploy trust: holding deploy/ bundles until {}.cfg is read", DeployTrust.PID);
            if (holdWarning == null) {
                holdWarning = worker.schedule(this::warnIfStillHeld, HOLD_WARN_SECONDS, TimeUnit.SECONDS);
            }
            return;
        }
        if (holdWarning != null) {
            holdWarning.cancel(false);
            holdWarning = null;
        }
        Set<Long> released = gate.open(mode == Mode.TRUSTED ? this : null);
        logger.info("deploy trust: mode {}, trust store {}, allow-list {}", mode.name().toLowerCase(Locale.ROOT),
                trustStore, allowList);
        Mode now = mode;
        worker.execute(() -> sweep(now, released));
    }

    /**
     * What is wrong with the files that hold the setting (the deploy folder's {@code .cfg},
     * ConfigAdmin's stored copy) and with the configuration delivered.
     */
    private List<String> settingProblems(boolean fromConfigAdmin, Map<String, Object> properties) {
        List<String> problems = new ArrayList<>();
        if (gate.deployDir() != null) {
            problems.addAll(TrustSettingCheck.checkCfg(gate.deployDir().resolve(TrustSettingCheck.CFG_FILE)));
        }
        String cmDir = context.getProperty(TrustSettingCheck.CONFIG_DIR_PROPERTY);
        Path stored = cmDir == null ? null : TrustSettingCheck.storedFile(Path.of(cmDir));
        if (stored != null && problems.isEmpty()) {
            problems.addAll(TrustSettingCheck.checkStored(stored, fromConfigAdmin || configAdminHasSetting()));
        }
        if (fromConfigAdmin && !properties.containsKey("mode") && problems.isEmpty()) {
            Object file = properties.get(StaleConfigurations.FILENAME);
            problems.add((file != null ? file : stored != null ? stored : DeployTrust.PID)
                    + " has no 'mode'; expected mode=trusted or mode=off");
        }
        return problems;
    }

    private boolean configAdminHasSetting() {
        try {
            Configuration[] found = configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + DeployTrust.PID + ")");
            return found != null && found.length > 0 && found[0].getProperties() != null;
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            return false;
        }
    }

    private void warnIfStillHeld() {
        if (gate.holding()) {
            logger.warn("deploy trust: {}.cfg in {} has not reached ConfigAdmin after {} s; bundles in deploy/"
                    + " stay held back (is FileInstall running, is the file readable?)", DeployTrust.PID,
                    gate.deployDir(), HOLD_WARN_SECONDS);
        }
    }

    /**
     * After a change of setting: refuses untrusted deploy bundles that already resolved (they
     * were installed while checking was off) and starts the bundles the gate held back.
     */
    private void sweep(Mode now, Set<Long> released) {
        try {
            for (Bundle b : context.getBundles()) {
                Path jar = gate.deployJar(b);
                if (jar == null || b.getState() == Bundle.UNINSTALLED) {
                    continue;
                }
                if (now == Mode.TRUSTED && b.getState() != Bundle.INSTALLED) {
                    TrustDecision d = decide(b, jar);
                    if (!d.trusted()) {
                        refuse(b, jar, d);
                    }
                } else if (released.contains(b.getBundleId()) && !isFragment(b)) {
                    // Its start attempt failed while the gate held; start it now, with the plugins'
                    // time limit (refused or unresolvable ones are reported by others).
                    starter.requestStart(b);
                }
            }
        } catch (IllegalStateException e) {
            // The framework is stopping.
        }
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    // ---- TrustGate.Checker ------------------------------------------------------------------

    @Override
    public TrustDecision decide(Bundle bundle, Path jar) {
        String key = bundle.getBundleId() + "@" + bundle.getLastModified();
        TrustDecision cached = decisions.get(key);
        if (cached != null) {
            return cached;
        }
        TrustDecision decision;
        if (!Files.isRegularFile(jar)) {
            decision = TrustDecision.refused("", "the jar " + jar + " is gone, so it cannot be checked");
        } else {
            JarTrust.Result result = JarTrust.verify(jar, material());
            decision = result.decision();
            if (decision.trusted()) {
                String mismatch = installedMismatch(bundle, result.entryDigests());
                if (mismatch != null) {
                    decision = TrustDecision.refused(decision.sha256(), "the installed bundle differs from the jar"
                            + " that was checked (" + mismatch + "); was the file replaced while it was installed?");
                }
            }
        }
        decisions.put(key, decision);
        return decision;
    }

    /** Null if the installed bundle holds exactly the verified entries, else the first difference. */
    static String installedMismatch(Bundle bundle, Map<String, String> verified) {
        List<String> installed = new ArrayList<>();
        // getEntryPaths, unlike findEntries, never triggers a resolve (we are inside one).
        collectEntries(bundle, "/", installed);
        for (String name : installed) {
            String expected = verified.get(name);
            if (expected == null) {
                return "entry " + name + " was not in the checked jar";
            }
            URL url = bundle.getEntry(name);
            try (InputStream in = url.openStream()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(in.readAllBytes());
                if (!HEX.formatHex(md.digest()).equals(expected)) {
                    return "entry " + name + " differs";
                }
            } catch (IOException e) {
                return "entry " + name + " cannot be read: " + e.getMessage();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-256", e);
            }
        }
        if (installed.size() != verified.size()) {
            List<String> missing = new ArrayList<>(verified.keySet());
            missing.removeAll(installed);
            return missing.isEmpty() ? "entry count differs" : "entry " + missing.get(0) + " is missing";
        }
        return null;
    }

    private static void collectEntries(Bundle bundle, String path, List<String> into) {
        var paths = bundle.getEntryPaths(path);
        if (paths == null) {
            return;
        }
        for (String p : Collections.list(paths)) {
            if (p.endsWith("/")) {
                collectEntries(bundle, p, into);
            } else {
                into.add(p);
            }
        }
    }

    @Override
    public void refuse(Bundle bundle, Path jar, TrustDecision decision) {
        if (!refusing.add(bundle.getBundleId())) {
            return;
        }
        try {
            worker.execute(() -> doRefuse(bundle, jar, decision));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Deactivated meanwhile; the gate still keeps the bundle from resolving.
            refusing.remove(bundle.getBundleId());
        }
    }

    private void doRefuse(Bundle bundle, Path jar, TrustDecision decision) {
        String name = jar.getFileName().toString();
        Path movedTo = jar;
        try {
            if (Files.isRegularFile(jar)) {
                Files.createDirectories(refusedDir);
                movedTo = unique(refusedDir, name);
                move(jar, movedTo);
            }
            RefusedJar record = new RefusedJar(name, decision.sha256(), decision.reason(), Instant.now(), movedTo);
            if (!movedTo.equals(jar)) {
                RefusalRecord.write(record, jar);
            }
            refused.add(record);
            logger.warn("deploy trust: refused {} (SHA-256 {}): {}; moved to {}", jar, decision.sha256(),
                    decision.reason(), movedTo);
        } catch (IOException e) {
            logger.error("deploy trust: refused {} (SHA-256 {}): {}; but could not move it to {}: {}", jar,
                    decision.sha256(), decision.reason(), refusedDir, e.toString());
            refused.add(new RefusedJar(name, decision.sha256(), decision.reason(), Instant.now(), jar));
        }
        uninstall(bundle);
    }

    /** Lets FileInstall uninstall the bundle of the jar that vanished; does it if FileInstall does not. */
    private void uninstall(Bundle bundle) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FILEINSTALL_GRACE_MILLIS);
        try {
            while (bundle.getState() != Bundle.UNINSTALLED && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
                context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                        .refreshBundles(List.of(bundle));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BundleException | IllegalStateException e) {
            logger.warn("deploy trust: could not uninstall refused bundle {}: {}", bundle.getLocation(), e.toString());
        } finally {
            gate.forget(bundle.getBundleId());
            refusing.remove(bundle.getBundleId());
        }
    }

    private static Path unique(Path dir, String name) {
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        for (int i = 1; Files.exists(target) || Files.exists(RefusalRecord.reasonFile(target)); i++) {
            target = dir.resolve(base + "-" + i + ext);
        }
        return target;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // deploy/ and the data directory on different file systems: copy, then delete.
            Files.move(from, to);
        }
    }

    @Override
    public TrustMaterial material() {
        return TrustMaterial.load(trustStore, password, allowList);
    }

    // ---- DeployTrust -------------------------------------------------------------------------

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public List<String> settingProblems() {
        return settingProblems;
    }

    @Override
    public Path trustStore() {
        return trustStore;
    }

    @Override
    public Path allowList() {
        return allowList;
    }

    @Override
    public List<RefusedJar> refused() {
        List<RefusedJar> list = new ArrayList<>(refused);
        list.sort(Comparator.comparing(RefusedJar::refusedAt));
        return List.copyOf(list);
    }

    @Override
    public TrustDecision check(Path jar) {
        return JarTrust.check(jar, material());
    }

    @Override
    public String allow(Path jar) throws IOException {
        String sha = JarTrust.sha256(jar);
        if (TrustMaterial.appendAllowed(allowList, sha, jar.getFileName().toString())) {
            logger.info("deploy trust: added {} (SHA-256 {}) to the allow-list {}", jar.getFileName(), sha, allowList);
        }
        return sha;
    }

    // ---- what the 'trust' command works through ---------------------------------------------

    @Override
    public boolean holding() {
        return gate.holding();
    }

    @Override
    public Path deployDir() {
        return gate.deployDir();
    }

    @Override
    public Path refusedDir() {
        return refusedDir;
    }

    @Override
    public Optional<RefusedJar> refusedNamed(String name) {
        return refused.stream()
                .filter(r -> r.fileName().equals(name) || r.movedTo().getFileName().toString().equals(name))
                .reduce((a, b) -> b);
    }

    @Override
    public void moveBack(RefusedJar refusal, Path jar, Path back) throws IOException {
        move(jar, back);
        Files.deleteIfExists(RefusalRecord.reasonFile(jar));
        refused.remove(refusal);
    }

    /** Reads and writes the {@code .reason.txt} beside a refused jar. */
    static final class RefusalRecord {

        private RefusalRecord() {
        }

        static Path reasonFile(Path jar) {
            return jar.resolveSibling(jar.getFileName() + ".reason.txt");
        }

        static void write(RefusedJar r, Path from) throws IOException {
            String text = "# Refused by Tideline's deploy trust (" + DeployTrust.PID + ").\n"
                    + "# To run it anyway: tideline --headless trust allow " + r.movedTo().getFileName() + "\n"
                    + "file: " + r.fileName() + "\n"
                    + "from: " + from + "\n"
                    + "sha256: " + r.sha256() + "\n"
                    + "refused: " + r.refusedAt() + "\n"
                    + "reason: " + r.reason().replaceAll("[\\r\\n]+", " ") + "\n";
            Files.writeString(reasonFile(r.movedTo()), text, StandardCharsets.UTF_8);
        }

        /** The refusals recorded in the folder by this and earlier runs; a bad file is logged and skipped. */
        static List<RefusedJar> readAll(Path dir, Logger logger) {
            List<RefusedJar> list = new ArrayList<>();
            if (!Files.isDirectory(dir)) {
                return list;
            }
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jar.reason.txt")).sorted().toList()) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        int colon = line.indexOf(':');
                        if (!line.startsWith("#") && colon > 0) {
                            fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                        }
                    }
                    String jarName = file.getFileName().toString();
                    Path jar = file.resolveSibling(jarName.substring(0, jarName.length() - ".reason.txt".length()));
                    try {
                        list.add(new RefusedJar(fields.getOrDefault("file", jar.getFileName().toString()),
                                fields.getOrDefault("sha256", ""), fields.getOrDefault("reason", "(no reason recorded)"),
                                Instant.parse(fields.getOrDefault("refused", Instant.EPOCH.toString())), jar));
                    } catch (DateTimeParseException e) {
                        logger.warn("deploy trust: {}: 'refused:' is not a time ({}); entry skipped", file, e.getMessage());
                    }
                }
            } catch (IOException e) {
                logger.warn("deploy trust: cannot read the refused jars in {}: {}", dir, e.toString());
            }
            return list;
        }
    }
}
