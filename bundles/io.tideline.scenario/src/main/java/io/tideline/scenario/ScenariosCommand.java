package io.tideline.scenario;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.PortfolioException;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.support.command.CommandArgs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code scenarios} command, a thin class over the scenario service's bundle-private
 * {@link ScenarioDesk}: it parses the arguments, reads the portfolio a user names (refused like a
 * bad argument, exit 2), picks the day (the workspace's as-of date unless {@code --as-of} or
 * {@code --latest}), and prints the report as text or JSON; {@code scenarios score} prints the
 * score of the odds against what followed.
 */
@Component(service = Command.class)
public final class ScenariosCommand implements Command {

    private static final CommandArgs.Parser ARGS = CommandArgs.parser().flags("--json", "--latest").dates("--as-of")
            .option("--portfolio", "a file (JSON or CSV)");
    private static final CommandArgs.Parser SCORE_ARGS = CommandArgs.parser().flags("--json").dates("--from", "--to");

    private final ScenarioDesk desk;

    /** Over the scenario service: the command exists while the service does. */
    @Activate
    public ScenariosCommand(@Reference ScenarioDesk desk) {
        this.desk = desk;
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
                portfolio = desk.readPortfolio(portfolioFile);
            } catch (PortfolioException e) {
                // A file the user named is an argument: refused like one, before anything is computed.
                request.err().println("scenarios: " + e.getMessage());
                return USAGE;
            }
        }
        Optional<WorkspaceDate.Pinned> pinned = asOf != null ? Optional.empty() : desk.pinned();
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
        ScenarioReport report = desk.evaluate(asOf, portfolio);
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
        Score.Report report;
        try {
            report = desk.score(from, to);
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
