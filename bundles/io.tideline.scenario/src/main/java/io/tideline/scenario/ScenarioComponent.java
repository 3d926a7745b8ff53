package io.tideline.scenario;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
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
import io.tideline.support.command.CommandArgs;
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
 * The {@link Scenarios} service and the {@code scenarios} command. The pack in force is the first
 * present of: a {@code *.scenarios.json} file in the deploy folder (the first by name), then a
 * pack shipped in a bundle (manifest header {@value #PACK_HEADER}, the first by symbolic name), then
 * {@code DATA_DIR/workspace/scenarios.json}, then the bundle's {@code packs/default-scenarios.json}.
 * A file is (re)read when it appears or its modification time changes; a file that is refused
 * (its path and the JSON path of the fault are reported) leaves the previous valid pack in force.
 * The command's day is {@code --as-of}, else the workspace's as-of date when one is set (the
 * sample sets its own), else the newest; {@code --latest} the newest whatever is set.
 */
@Component(service = {Scenarios.class, Command.class})
public final class ScenarioComponent implements Scenarios, Command {

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
    private Path deployDir;

    private static final CommandArgs.Parser ARGS = CommandArgs.parser().flags("--json", "--latest").dates("--as-of")
            .option("--portfolio", "a file (JSON or CSV)");
    private static final CommandArgs.Parser SCORE_ARGS = CommandArgs.parser().flags("--json").dates("--from", "--to");

    private final LastValidFile<Pack> pack = new LastValidFile<>(PackLoader::defaults, PackLoader.READER::read);

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

    /** For tests: a component over an engine with the given files, without a framework. */
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
        Loaded l = current();
        RoleBindings r = roles;
        Analysis a = new Analysis(engine, l.pack(), role -> r != null && r.get(role).isPresent(),
                CascadeParams.defaults());
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
        RoleBindings r = roles;
        Analysis analysis = new Analysis(engine, l.pack(), role -> r != null && r.get(role).isPresent(),
                CascadeParams.defaults());
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
    public String name() {
        return "scenarios";
    }

    @Override
    public String summary() {
        return "scenario odds A/B/C from the evidence, what to watch, portfolio P&L and historical analogues";
    }

    @Override
    public String usage() {
        return "scenarios [--as-of YYYY-MM-DD | --latest] [--portfolio FILE] [--json]\n"
                + "scenarios score [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n"
                + "  score            the odds of every past day against what followed it by the pack's outcome rule:"
                + " Brier score, base-rate Brier score, skill, reliability, coverage\n"
                + "  --as-of D        the day (default: the workspace's as-of date, see asof, else the last day with an"
                + " S&P 500 bar); only data up to its end is read\n"
                + "  --latest         the last day with an S&P 500 bar, whatever the workspace's as-of date\n"
                + "  --portfolio F    value a portfolio: JSON {\"positions\":[{\"role\":\"btc\",\"quantity\":2,\"leverage\":3},"
                + " {\"role\":\"spx\",\"notional\":100000}]}\n"
                + "                   or CSV with the header role,quantity,notional,leverage; each role one the"
                + " scenarios move, once, sizes at most 1e13 (else exit 2 naming file:line and field)\n"
                + "  --json           print the stable JSON document instead of text\n"
                + "The pack: deploy/*.scenarios.json, else a bundle's (manifest header Tideline-Scenario-Pack),"
                + " else DATA_DIR/workspace/scenarios.json, else the built-in one.\n"
                + "A scenario with more than a third of its conditions unknown is warned of, and its odds are pulled"
                + " toward its prior (the evidence counts for its known share).";
    }

    @Override
    public int run(CommandRequest request) {
        if (!request.args().isEmpty() && request.args().get(0).equals("score")) {
            return score(request, request.args().subList(1, request.args().size()));
        }
        LocalDate asOf;
        Path portfolioFile;
        boolean json;
        boolean latest;
        try {
            CommandArgs a = ARGS.parse(request.args());
            asOf = a.date("--as-of");
            latest = a.flag("--latest");
            if (latest && asOf != null) {
                throw new IllegalArgumentException("--latest does not go with --as-of");
            }
            String p = a.value("--portfolio");
            portfolioFile = p == null ? null : request.path(p);
            json = a.flag("--json");
        } catch (IllegalArgumentException e) {
            request.err().println("scenarios: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        }
        Portfolio portfolio = null;
        if (portfolioFile != null) {
            try {
                portfolio = readPortfolio(portfolioFile);
            } catch (PortfolioException e) {
                // A file the user named is an argument: refused like one, before anything is computed.
                request.err().println("scenarios: " + e.getMessage());
                return USAGE;
            }
        }
        WorkspaceDate d = workspaceDate;
        Optional<WorkspaceDate.Pinned> pinned = asOf != null || d == null ? Optional.empty() : d.pinned();
        String note = null;
        if (pinned.isPresent() && !latest) {
            asOf = pinned.get().day();
            note = "as of " + asOf + ", " + pinned.get().reason() + "; --latest for the newest data";
        } else if (pinned.isPresent()) {
            note = "the newest data (the workspace is as of " + pinned.get().day() + ", " + pinned.get().reason()
                    + "; asof latest stays on the newest data)";
        }
        if (note != null) {
            // Beside JSON on standard output the note goes to standard error, so the JSON stays parseable.
            (json ? request.err() : request.out()).println(note);
        }
        ScenarioReport report = evaluate(asOf, portfolio);
        for (String w : report.warnings()) {
            // The text report says its evidence gaps under the odds; standard error need not repeat them.
            if (json || report.gaps().stream().noneMatch(g -> g.message().equals(w))) {
                request.err().println("scenarios: " + w);
            }
        }
        if (json) {
            request.out().println(ReportFormat.json(report));
        } else {
            ReportFormat.text(report, request.out());
        }
        return OK;
    }

    private int score(CommandRequest request, List<String> args) {
        LocalDate from;
        LocalDate to;
        boolean json;
        try {
            CommandArgs a = SCORE_ARGS.parse(args);
            from = a.date("--from") == null ? LocalDate.of(1900, 1, 1) : a.date("--from");
            to = a.date("--to") == null ? LocalDate.of(9999, 12, 31) : a.date("--to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
            json = a.flag("--json");
        } catch (IllegalArgumentException e) {
            request.err().println("scenarios score: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        }
        Loaded l = current();
        RoleBindings r = roles;
        Analysis analysis = new Analysis(engine, l.pack(), role -> r != null && r.get(role).isPresent(),
                CascadeParams.defaults());
        Score.Report report;
        try {
            report = Score.run(analysis, from, to);
        } catch (IllegalArgumentException e) {
            request.err().println("scenarios score: " + e.getMessage());
            return FAILED;
        }
        if (json) {
            request.out().println(ReportFormat.json(report));
        } else {
            Score.text(report, request.out());
        }
        return OK;
    }
}
