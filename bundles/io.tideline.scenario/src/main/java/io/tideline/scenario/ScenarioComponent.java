package io.tideline.scenario;

import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.PortfolioException;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioSkill;
import io.tideline.scenario.api.Scenarios;
import io.tideline.scenario.api.SkillSummary;
import io.tideline.support.series.Availability;
import io.tideline.support.json.LastValidFile;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link Scenarios} service (and the bundle-private {@link ScenarioDesk} the {@code scenarios}
 * command, {@link ScenariosCommand}, sits on). The pack in force is the first
 * present of: a {@code *.scenarios.json} file in the deploy folder (the first by name), then a
 * pack shipped in a bundle (manifest header {@value #PACK_HEADER}, the first by symbolic name), then
 * {@code DATA_DIR/workspace/scenarios.json}, then the bundle's {@code packs/default-scenarios.json}.
 * A file is (re)read when it appears or its modification time changes; a file that is refused
 * (its path and the JSON path of the fault are reported) leaves the previous valid pack in force.
 * The command's day is {@code --as-of}, else the workspace's as-of date when one is set (the
 * sample sets its own), else the newest; {@code --latest} the newest whatever is set.
 */
@Component(service = {Scenarios.class, ScenarioDesk.class})
public final class ScenarioComponent implements ScenarioDesk {

    static final String DEFAULT_SOURCE = "default (" + PackLoader.DEFAULTS + ")";

    @Reference
    private IndicatorEngine engine;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoleBindings roles;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkspaceDate workspaceDate;

    private Path workspaceFile;
    /** {@code DATA_DIR/workspace/availability.json}: when each series' values are known, as the checklist reads it. */
    private Path availabilityFile;
    private final io.tideline.support.json.LastValidFile<Availability> availabilityRules = Availability.watcher();
    private Path deployDir;

    private final LastValidFile<Pack> pack = new LastValidFile<>(PackLoader::defaults, PackLoader.READER::read);
    /** The odds' fit of the last report, carried on by the next (see {@link KeptFit}). */
    private final KeptFit keptFit = new KeptFit();

    /** The pack in force, where it came from, and the error of a refused file, if any. */
    record Loaded(Pack pack, String source, String error) {
    }

    /**
     * The manifest header of a bundle that ships a scenario pack: the path of the pack inside the
     * bundle, e.g. {@code Tideline-Scenario-Pack: packs/desk.json}.
     */
    static final String PACK_HEADER = "Tideline-Scenario-Pack";

    /** Packs shipped in bundles, copied out while their bundle is installed: file to "bundle (path)". */
    private final Map<Path, String> bundlePacks = new ConcurrentHashMap<>();
    private Path bundlePackDir;
    private BundleTracker<Path> packBundles;

    @Activate
    void activate(BundleContext context) {
        Path data = DataDir.of(context.getProperty(DataDir.PROPERTY));
        workspaceFile = data.resolve("workspace").resolve("scenarios.json");
        availabilityFile = data.resolve("workspace").resolve("availability.json");
        String deploy = context.getProperty("tideline.deploy.dir");
        deployDir = deploy == null ? null : Path.of(deploy);
        bundlePackDir = data.resolve("cache").resolve("scenario-packs");
        packBundles = new BundleTracker<>(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Path addingBundle(Bundle bundle, BundleEvent event) {
                return copyPack(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Path file) {
                bundlePacks.remove(file);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    logger.warn("cannot remove the copy {} of the scenario pack of {}: {}", file,
                            bundle.getSymbolicName(), e.toString());
                }
            }
        };
        packBundles.open();
    }

    @Deactivate
    void deactivate() {
        if (packBundles != null) {
            packBundles.close();
        }
    }

    /**
     * Copies the pack a bundle names in its manifest to a file, where it is read and refused like
     * any other pack (its errors then name the bundle's copy); null when the bundle ships none.
     */
    private Path copyPack(Bundle bundle) {
        String entry = bundle.getHeaders().get(PACK_HEADER);
        if (entry == null || entry.isBlank()) {
            return null;
        }
        URL url = bundle.getEntry(entry.strip());
        if (url == null) {
            logger.warn("bundle {} names the scenario pack {} in {}, but does not contain it", bundle.getSymbolicName(),
                    entry.strip(), PACK_HEADER);
            return null;
        }
        Path file = bundlePackDir.resolve(bundle.getSymbolicName() + ".scenarios.json");
        Path tmp = null;
        try (InputStream in = url.openStream()) {
            Files.createDirectories(bundlePackDir);
            tmp = Files.createTempFile(bundlePackDir, ".pack", ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            logger.warn("cannot copy the scenario pack {} of bundle {}: {}", entry.strip(), bundle.getSymbolicName(),
                    e.toString());
            return null;
        }
        bundlePacks.put(file, "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + entry.strip()
                + ")");
        return file;
    }

    /**
     * Each role's availability rule: the workspace file over the defaults (an invalid file keeps
     * the last valid rules; the checklist reports it), the fallback for an unbound role.
     */
    private java.util.function.Function<String, Availability.Rule> availability(RoleBindings r) {
        Path file = availabilityFile;
        Availability a = availabilityRules.current(file != null && Files.isRegularFile(file) ? file : null).value();
        return r == null ? role -> a.fallback() : a.byRole(r::get);
    }

    /** For tests: a component over an engine with the given files, without a framework. */
    /** The kept fit, for tests: how often it was carried on. */
    KeptFit keptFit() {
        return keptFit;
    }

    static ScenarioComponent of(IndicatorEngine engine, RoleBindings roles, Path workspaceFile, Path deployDir) {
        ScenarioComponent c = new ScenarioComponent();
        c.engine = engine;
        c.roles = roles;
        c.workspaceFile = workspaceFile;
        c.deployDir = deployDir;
        return c;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover hidden .part file in the cache is harmless; the copy failure is reported
        }
    }

    @Override
    public ScenarioReport evaluate(LocalDate asOfOrNull, Portfolio portfolioOrNull) {
        return evaluate(asOfOrNull, portfolioOrNull, keptFit);
    }

    /** {@inheritDoc} The odds are fitted from the first day, and nothing is kept for the next report. */
    @Override
    public ScenarioReport evaluateAfresh(LocalDate asOfOrNull, Portfolio portfolioOrNull) {
        return evaluate(asOfOrNull, portfolioOrNull, null);
    }

    private ScenarioReport evaluate(LocalDate asOfOrNull, Portfolio portfolioOrNull, KeptFit keeping) {
        Loaded l = current();
        Analysis a = analysis(l).keeping(keeping);
        List<String> warnings = new ArrayList<>();
        if (l.error() != null) {
            warnings.add(l.error() + "; the previous valid pack (" + l.source() + ") stays in force");
        }
        return a.evaluate(asOfOrNull, portfolioOrNull, l.source(), warnings);
    }

    @Override
    public CascadeResult cascade(CascadeParams params) {
        return Cascade.run(params);
    }

    /** The last skill computed: for which pack, on which day, and the summary (null: none). */
    private record SkillCache(Pack pack, LocalDate day, Optional<SkillSummary> summary) {
    }

    private SkillCache skillCache;

    /** {@inheritDoc} Over the whole stored history; kept until the pack changes or the day does. */
    @Override
    public synchronized Optional<SkillSummary> skill() {
        Loaded l = current();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        SkillCache c = skillCache;
        if (c != null && c.pack() == l.pack() && c.day().equals(today)) {
            return c.summary();
        }
        Analysis analysis = analysis(l);
        Optional<SkillSummary> summary;
        try {
            Score.Report report = Score.run(analysis, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
            summary = Optional.of(new SkillSummary(report.from(), report.to(), report.days(), report.outcome(),
                    report.scenarios().stream().map(s -> new ScenarioSkill(s.id(), s.skill(), s.beatsBaseRate()))
                            .toList()));
        } catch (IllegalArgumentException e) {
            summary = Optional.empty();
        }
        skillCache = new SkillCache(l.pack(), today, summary);
        return summary;
    }

    /**
     * {@inheritDoc} Beyond the file's own checks, each role must be one that a scenario of the pack
     * in force moves (else its P&amp;L would be 0 in every scenario), and appear once.
     */
    @Override
    public Portfolio readPortfolio(Path file) throws PortfolioException {
        java.util.Set<String> moved = new java.util.LinkedHashSet<>();
        current().pack().scenarios().forEach(s -> moved.addAll(s.shocks().keySet()));
        return PortfolioReader.read(file, moved);
    }

    /** The pack in force, reloading a changed file first. */
    Loaded current() {
        LastValidFile.State<Pack> s = pack.current(candidate());
        String source = s.file() == null ? DEFAULT_SOURCE : bundlePacks.getOrDefault(s.file(), s.file().toString());
        return new Loaded(s.value(), source,
                s.error() == null ? null : "scenario pack refused: " + s.error());
    }

    private Path candidate() {
        if (deployDir != null && Files.isDirectory(deployDir)) {
            List<Path> packs = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(deployDir, "*.scenarios.json")) {
                files.forEach(packs::add);
            } catch (IOException e) {
                // an unreadable deploy folder holds no pack we could use; the workspace file is next
            }
            packs.removeIf(p -> !Files.isRegularFile(p));
            if (!packs.isEmpty()) {
                packs.sort(null);
                return packs.get(0);
            }
        }
        if (!bundlePacks.isEmpty()) {
            return bundlePacks.keySet().stream().sorted().findFirst().orElseThrow();
        }
        return workspaceFile != null && Files.isRegularFile(workspaceFile) ? workspaceFile : null;
    }

    @Override
    public Optional<WorkspaceDate.Pinned> pinned() {
        WorkspaceDate d = workspaceDate;
        return d == null ? Optional.empty() : d.pinned();
    }

    @Override
    public Score.Report score(LocalDate from, LocalDate to) {
        return Score.run(analysis(current()), from, to);
    }

    @Override
    public CascadeState cascadeState(String asset, LocalDate day) {
        return analysis(current()).cascadeState(asset, day);
    }

    /** The analysis of the pack in force over the bound roles, each read by its availability rule. */
    private Analysis analysis(Loaded l) {
        RoleBindings r = roles;
        return new Analysis(engine, l.pack(), role -> r != null && r.get(role).isPresent(), CascadeParams.defaults(),
                availability(r));
    }
}
