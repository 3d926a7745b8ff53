package io.tideline.regime;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Verdict;
import io.tideline.support.command.CommandArgs;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code check} command: {@code check [--as-of YYYY-MM-DD | --latest] [--json]} prints the
 * risk-off checklist for a day (default: the workspace's as-of date when one is set, as the
 * sample sets its own, else the latest), {@code check --from D1 --to D2 [--csv|--json]} one
 * verdict per calendar day, {@code check score --labels FILE [--from D1] [--to D2] [--json]} how a
 * replay scores against labelled episodes. A thin command over {@link ChecklistDesk}.
 */
@Component(service = Command.class)
public final class CheckCommand implements Command {

    private static final CommandArgs.Parser ARGS = CommandArgs.parser().flags("--json", "--csv", "--latest")
            .dates("--as-of", "--from", "--to");

    private static final CommandArgs.Parser SCORE_ARGS = CommandArgs.parser().flags("--json").dates("--from", "--to")
            .option("--labels", "a labels file (CSV start,end,kind)");

    private final ChecklistDesk checklist;

    /** Activated by SCR with the running checklist. */
    @Activate
    public CheckCommand(@Reference ChecklistDesk checklist) {
        this.checklist = checklist;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "the daily risk-off checklist: macro, leadership, crypto, correlation, execution and the regime";
    }

    @Override
    public String usage() {
        return "check [--as-of YYYY-MM-DD | --latest] [--json] | check --from YYYY-MM-DD --to YYYY-MM-DD [--csv|--json]"
                + " | check score --labels FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]";
    }

    @Override
    public int run(CommandRequest request) {
        if (!request.args().isEmpty() && request.args().get(0).equals("score")) {
            return score(request, request.args().subList(1, request.args().size()));
        }
        LocalDate asOf;
        LocalDate from;
        LocalDate to;
        boolean json;
        boolean csv;
        boolean latest;
        try {
            CommandArgs a = ARGS.parse(request.args());
            asOf = a.date("--as-of");
            from = a.date("--from");
            to = a.date("--to");
            json = a.flag("--json");
            csv = a.flag("--csv");
            latest = a.flag("--latest");
            if (latest && (asOf != null || from != null)) {
                throw new IllegalArgumentException("--latest does not go with --as-of or --from/--to");
            }
            if ((from == null) != (to == null)) {
                throw new IllegalArgumentException("--from and --to go together");
            }
            if (from != null && asOf != null) {
                throw new IllegalArgumentException("--as-of does not go with --from/--to");
            }
            if (json && csv) {
                throw new IllegalArgumentException("choose one of --json and --csv");
            }
            if (csv && from == null) {
                throw new IllegalArgumentException("--csv is for --from/--to; use --json for one day");
            }
        } catch (IllegalArgumentException e) {
            request.err().println("check: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        }
        Checks checks = checklist.checks(request.err());
        PrintStream out = request.out();
        if (from != null) {
            List<Verdict> days = checks.replay(from, to).stream().map(v -> checklist.withPlugins(v, checks)).toList();
            if (json) {
                out.println(VerdictFormat.json(days));
            } else if (csv) {
                out.println(VerdictFormat.CSV_HEADER);
                days.forEach(v -> out.println(VerdictFormat.csv(v)));
            } else {
                Function<String, String> units = checklist.units();
                days.forEach(v -> VerdictFormat.text(v, units, out));
            }
            request.err().println(days.size() + " days");
            return OK;
        }
        Optional<WorkspaceDate.Pinned> pinned = asOf == null ? checklist.pinned() : Optional.empty();
        String note = null;
        if (pinned.isPresent()) {
            asOf = pinned.get().day();
            note = latest ? null : "as of " + asOf + ", " + pinned.get().reason() + "; --latest for the newest data";
        }
        if (latest) {
            asOf = null;
            note = pinned.map(p -> "the newest data (the workspace is as of " + p.day() + ", " + p.reason()
                    + "; asof latest stays on the newest data)").orElse(null);
        }
        Verdict v = asOf == null ? checklist.latestAnnounced() : checklist.withPlugins(checks.asOf(asOf), checks);
        if (note != null) {
            // Beside JSON on standard output the note goes to standard error, so the JSON stays parseable.
            (json ? request.err() : out).println(note);
        }
        if (json) {
            out.println(VerdictFormat.json(v));
        } else {
            VerdictFormat.text(v, checklist.units(), out);
        }
        return OK;
    }

    /**
     * {@code check score}: replays the labels' range (or {@code --from}/{@code --to}) and scores
     * it. A labels file that is refused is reported with its file and line, and nothing runs.
     */
    private int score(CommandRequest request, List<String> args) {
        Labels labels;
        LocalDate from;
        LocalDate to;
        boolean json;
        try {
            CommandArgs a = SCORE_ARGS.parse(args);
            String file = a.value("--labels");
            if (file == null) {
                throw new IllegalArgumentException("score needs --labels FILE (CSV start,end,kind)");
            }
            json = a.flag("--json");
            labels = Labels.read(request.path(file));
            from = a.date("--from") == null ? labels.first() : a.date("--from");
            to = a.date("--to") == null ? labels.last() : a.date("--to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
        } catch (IllegalArgumentException e) {
            request.err().println("check score: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        } catch (Labels.LabelsException e) {
            request.err().println("check score: " + e.getMessage() + "; nothing was run");
            return USAGE;
        }
        Checks checks = checklist.checks(request.err());
        String equity = checks.rules().steps().correlation().equityRole();
        if (!checks.plan().bound(equity)) {
            request.err().println("check score: the equity index role " + equity + " is not bound; the score counts"
                    + " its trading days and back-tests on its returns (bind it with: roles set " + equity + " SERIES)");
            return FAILED;
        }
        Checks.Replay replay = checks.replayDetailed(from, to);
        long[] times = replay.readings().times(Plan.raw(equity));
        double[] closes = replay.readings().values(Plan.raw(equity));
        Score.Report report = Score.of(from, replay.verdicts(), replay.held(), times, closes, labels);
        if (json) {
            request.out().println(VerdictFormat.json(report));
        } else {
            VerdictFormat.score(report, Score.extra(from, replay.verdicts(), times), request.out());
        }
        return OK;
    }
}
