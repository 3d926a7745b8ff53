package io.tideline.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.desk.DeskSnapshot;
import io.tideline.api.desk.FeedStatus;
import io.tideline.api.desk.LiveReading;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.ScenarioResult;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code desk [--json]} prints the desk's newest snapshot: the verdict, the scenario odds, the
 * live readings, what is missing and what the last update cost, and the feeds with their next
 * run, last error and stale series; {@code desk --recompute} also
 * times the same snapshot computed with nothing kept, beside it. A thin command over the
 * {@link DeskRuns}.
 */
@Component(service = Command.class)
public final class DeskCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeskRuns desk;

    /** Activated by SCR with the running desk. */
    @Activate
    public DeskCommand(@Reference DeskRuns desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "desk";
    }

    @Override
    public String summary() {
        return "show the desk's newest snapshot (verdict, scenario odds, live readings) and what it cost";
    }

    @Override
    public String usage() {
        return "desk [--json] [--recompute]";
    }

    @Override
    public int run(CommandRequest request) throws Exception {
        boolean json = false;
        boolean recompute = false;
        for (String a : request.args()) {
            switch (a) {
                case "--json" -> json = true;
                case "--recompute" -> recompute = true;
                default -> {
                    request.err().println("desk: unknown option " + a);
                    request.err().println("usage: " + usage());
                    return USAGE;
                }
            }
        }
        DeskSnapshot snap = desk.snapshot();
        if (snap.revision() == 0) {
            // A command in a Tideline of its own runs before the desk's first snapshot is due.
            snap = desk.update();
        }
        DeskSnapshot full = recompute ? desk.recomputeFully() : null;
        List<FeedStatus> feeds;
        try {
            feeds = desk.feeds();
        } catch (Exception e) {
            request.err().println("desk: the feeds cannot be listed: " + e.getMessage());
            feeds = List.of();
        }
        if (json) {
            Map<String, Object> tree = tree(snap, full);
            tree.put("feeds", feeds.stream().map(DeskCommand::feed).toList());
            request.out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } else {
            print(request.out(), snap, full);
            for (FeedStatus f : feeds) {
                request.out().println("  feed " + f.source() + ": " + f.health().state().name().toLowerCase(Locale.ROOT)
                        + ", next run " + (f.nextRunMillis() == 0 ? "on demand" : Instant.ofEpochMilli(f.nextRunMillis()))
                        + (f.health().lastError() == null ? "" : ", last error: " + f.health().lastError())
                        + (f.staleSeries().isEmpty() ? "" : ", stale: " + String.join(", ", f.staleSeries())));
            }
        }
        return snap.revision() == 0 ? FAILED : OK;
    }

    private static Map<String, Object> tree(DeskSnapshot snap, DeskSnapshot full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", snap.revision());
        m.put("computedAt", snap.revision() == 0 ? null : Instant.ofEpochMilli(snap.computedMillis()).toString());
        m.put("computeMicros", snap.computeNanos() / 1_000);
        m.put("partMicros", snap.partMicros());
        if (full != null) {
            m.put("recomputeMicros", full.computeNanos() / 1_000);
            m.put("recomputePartMicros", full.partMicros());
        }
        m.put("day", snap.day() == null ? null : snap.day().toString());
        Verdict v = snap.verdict();
        if (v != null) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("regime", v.regime().name());
            vm.put("tier", v.tier());
            vm.put("action", v.action().name());
            vm.put("exposure", v.exposure());
            vm.put("drivers", v.drivers());
            m.put("verdict", vm);
        }
        m.put("timelineDays", snap.timeline().size());
        if (snap.scenarios() != null) {
            Map<String, Object> odds = new LinkedHashMap<>();
            for (ScenarioResult r : snap.scenarios().scenarios()) {
                odds.put(r.id(), r.probability());
            }
            m.put("scenarioOdds", odds);
            m.put("scenariosAsOf", snap.scenarios().asOf());
        }
        m.put("readings", snap.readings().stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("node", r.node());
            rm.put("unit", r.unit());
            rm.put("time", r.time() == 0 ? null : Instant.ofEpochMilli(r.time()).toString());
            rm.put("value", Double.isNaN(r.value()) ? null : r.value());
            rm.put("problem", r.problem());
            return rm;
        }).toList());
        m.put("problems", snap.problems());
        return m;
    }

    private static Map<String, Object> feed(FeedStatus f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", f.source());
        m.put("state", f.health().state().name());
        m.put("nextRun", f.nextRunMillis() == 0 ? null : Instant.ofEpochMilli(f.nextRunMillis()).toString());
        m.put("lastError", f.health().lastError());
        m.put("staleSeries", f.staleSeries());
        m.put("collector", f.collector());
        return m;
    }

    private static void print(PrintStream out, DeskSnapshot snap, DeskSnapshot full) {
        if (snap.revision() == 0) {
            out.println("desk: no snapshot yet (" + String.join("; ", snap.problems()) + ")");
            return;
        }
        out.printf(Locale.ROOT, "desk snapshot %d of %s, made %s in %.1f ms%n", snap.revision(),
                snap.day() == null ? "no day" : snap.day(), Instant.ofEpochMilli(snap.computedMillis()),
                snap.computeNanos() / 1e6);
        out.println("  " + parts(snap.partMicros()));
        if (full != null) {
            out.printf(Locale.ROOT, "  the same with nothing kept: %.1f ms (%.1fx the last update)%n",
                    full.computeNanos() / 1e6, full.computeNanos() / (double) Math.max(1, snap.computeNanos()));
            out.println("  " + parts(full.partMicros()));
        }
        Verdict v = snap.verdict();
        if (v != null) {
            out.printf(Locale.ROOT, "  verdict %s, tier %d, action %s%s%n", v.regime(), v.tier(), v.action(),
                    v.drivers().isEmpty() ? "" : " (" + String.join("; ", v.drivers()) + ")");
        }
        if (snap.scenarios() != null) {
            StringBuilder odds = new StringBuilder();
            for (ScenarioResult r : snap.scenarios().scenarios()) {
                odds.append(odds.isEmpty() ? "" : ", ").append(r.id()).append(' ')
                        .append(String.format(Locale.ROOT, "%.0f%%", 100 * r.probability()));
            }
            out.println("  scenario odds " + odds + " (as of " + snap.scenarios().asOf() + ")");
        }
        for (LiveReading r : snap.readings()) {
            out.println("  " + r.node() + " " + value(r));
        }
        for (String p : snap.problems()) {
            out.println("  missing: " + p);
        }
    }

    /** "verdict 1.2 ms, timeline 0.0 ms, …": what each part cost. */
    private static String parts(Map<String, Long> micros) {
        StringBuilder b = new StringBuilder();
        micros.forEach((part, us) -> b.append(b.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.1f ms", part, us / 1e3)));
        return b.toString();
    }

    /** A reading as a trader reads it: volatility and drawdown in percent, the trend as a word. */
    static String value(LiveReading r) {
        if (Double.isNaN(r.value())) {
            return "n/a (" + r.problem() + ")";
        }
        String day = Instant.ofEpochMilli(r.time()).toString().substring(0, 10);
        return switch (r.indicator()) {
            case "realized-vol" -> String.format(Locale.ROOT, "%.1f%% annualised", 100 * r.value());
            case "drawdown-pct" -> String.format(Locale.ROOT, "%.1f%% below peak", Math.abs(r.value()));
            case "trend-agreement" -> r.value() > 0 ? "up" : r.value() < 0 ? "down" : "mixed";
            default -> String.format(Locale.ROOT, "%.4g %s", r.value(), r.unit());
        } + " (" + day + ")";
    }
}
