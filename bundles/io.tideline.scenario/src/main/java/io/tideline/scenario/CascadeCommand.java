package io.tideline.scenario;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.Crowding;
import io.tideline.scenario.api.LeverageBucket;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.support.command.CommandArgs;
import io.tideline.support.text.Excerpt;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code cascade} command: the liquidation-cascade model alone, from the calibrated defaults
 * with the given open interest, shock, depth, leverage, refill and crowding (funding, open interest
 * against its 90-day mean); it prints the central run and the ensemble's p10, p50 and p90. Every value is checked before the model
 * runs; a bad one is refused in one line naming the option, the value (cut to 80 characters) and
 * what was expected, with exit code 2. The shock is a fall in percent without a sign: {@code 3}
 * is a 3% fall, and {@code -3} or {@code +3} are refused rather than read as a fall.
 */
@Component(service = Command.class)
public final class CascadeCommand implements Command {

    private static final CommandArgs.Parser ARGS = CommandArgs.parser().flags("--json", "--latest", "--uncrowded")
            .dates("--as-of").option("--asset", "btc or eth").option("--oi", "an amount of USD")
            .option("--shock", "the fall in percent").option("--depth", "an amount of USD")
            .option("--leverage", "a mean leverage").option("--margin", "a margin in percent")
            .option("--dispersion", "a dispersion in [0, 1)").option("--refill", "a share in [0, 1)")
            .option("--funding", "an annualised funding rate in percent").option("--oi-ratio", "a ratio");

    @Reference
    private ScenarioDesk desk;

    /** For the framework. */
    public CascadeCommand() {
    }

    /** For tests: a command over a desk without a framework. */
    CascadeCommand(ScenarioDesk desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "cascade";
    }

    @Override
    public String summary() {
        return "the liquidation-cascade model: how far an initial fall runs through leveraged longs";
    }

    @Override
    public String usage() {
        CascadeParams d = CascadeParams.defaults();
        return "cascade --shock PCT [--asset btc|eth] [--oi USD] [--depth USD] [--leverage L] [--margin PCT] [--dispersion X]"
                + " [--refill X] [--funding PCT] [--oi-ratio X] [--as-of YYYY-MM-DD | --latest | --uncrowded] [--json]\n"
                + "  The market's state is read from the store: the asset's perpetual funding (btc.funding, eth.funding)"
                + " and open interest in USD with its ratio to its 90-day mean (btc.oi, eth.oi), each as available by"
                + " the day's end and fresh; an unbound or stale one stands at the uncrowded default (said in the"
                + " output). An option given overrides what was read.\n"
                + "  --as-of D        the day whose state is read (default: the workspace's as-of date, else today)\n"
                + "  --latest         today's state, whatever the workspace's as-of date\n"
                + "  --uncrowded      read nothing: the calibrated uncrowded state (neutral funding, open interest at its"
                + " mean)\n"
                + "  --asset A        btc or eth: whose open interest and depth are the defaults (default btc)\n"
                + "  --oi USD         open interest, e.g. 30e9 or 30bn, at most 1e13 (default: the store's, else "
                + ReportFormat.money(d.openInterest()) + ", eth "
                + ReportFormat.money(Cascade.ETH_OPEN_INTEREST) + ")\n"
                + "  --shock PCT      the initial fall in percent, no sign, in (0, 90], e.g. 3 for a 3% fall (required)\n"
                + "  --depth USD      market sells that move the price 1% (square-root law: 4x that moves it 2%),"
                + " e.g. 300m, at most 1e13 (default "
                + ReportFormat.money(d.depth()) + ", eth " + ReportFormat.money(Cascade.ETH_DEPTH) + ")\n"
                + "  --leverage L     scale the uncrowded leverage buckets to a mean of L (default "
                + String.format(Locale.ROOT, "%.1f", d.meanLeverage()) + ")\n"
                + "  --margin PCT     maintenance margin in percent, below 1/leverage of the most leveraged bucket"
                + " (default " + String.format(Locale.ROOT, "%.2f", 100 * d.maintenanceMargin()) + ")\n"
                + "  --dispersion X   spread of liquidation prices around a bucket's nominal one, in [0, 1) (default "
                + d.dispersion() + ")\n"
                + "  --refill X       share of the consumed book refilled between rounds, in [0, 1) (default "
                + d.refill() + ")\n"
                + "  --funding PCT    perpetual funding, annualised, in percent, signed (negative: shorts pay), in"
                + " [-1000, 1000]; above the neutral 10.95 it crowds the longs (default: the store's, else neutral)\n"
                + "  --oi-ratio X     open interest over its 90-day mean, in (0, 100]; above 1 it crowds the longs"
                + " (default: the store's, else 1)\n"
                + "  --json           print the result as JSON (p10, p50, p90: percentiles of the final fall over"
                + " the ensemble; state: what was read from the store, null with --uncrowded)";
    }

    @Override
    public int run(CommandRequest request) {
        CascadeParams p;
        boolean json;
        CascadeState state = null;
        String note = null;
        try {
            CommandArgs a = ARGS.parse(request.args());
            json = a.flag("--json");
            if (a.value("--shock") == null) {
                throw new IllegalArgumentException("--shock PCT is required (e.g. --shock 3 for a 3% fall)");
            }
            double shock = shock(a.value("--shock"));
            String asset = a.value("--asset") == null ? "btc" : asset(a.value("--asset"));
            LocalDate asOf = a.date("--as-of");
            boolean latest = a.flag("--latest");
            boolean uncrowded = a.flag("--uncrowded");
            if (latest && asOf != null) {
                throw new IllegalArgumentException("--latest does not go with --as-of");
            }
            if (uncrowded && (asOf != null || latest)) {
                throw new IllegalArgumentException("--uncrowded reads no market state, so it takes no day: drop "
                        + (latest ? "--latest" : "--as-of"));
            }
            CascadeParams d = CascadeParams.defaults();
            p = Cascade.forRole(asset, d).withShock(shock);
            if (!uncrowded) {
                if (asOf == null && !latest) {
                    Optional<WorkspaceDate.Pinned> pinned = desk.pinned();
                    if (pinned.isPresent()) {
                        asOf = pinned.get().day();
                        note = "as of " + asOf + ", " + pinned.get().reason() + "; --latest for today's state";
                    }
                }
                state = desk.cascadeState(asset, asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
                p = state.apply(p);
            }
            String v;
            if ((v = a.value("--oi")) != null) {
                p = p.withOpenInterest(amount("--oi", v));
            }
            if ((v = a.value("--depth")) != null) {
                p = p.withDepth(amount("--depth", v));
            }
            if ((v = a.value("--leverage")) != null) {
                p = p.withMeanLeverage(within("--leverage", v, number("--leverage", v), 1, 1000,
                        "a mean leverage in [1, 1000]"));
            }
            if ((v = a.value("--margin")) != null) {
                p = withMargin(p, percent("--margin", v), v);
            }
            if ((v = a.value("--dispersion")) != null) {
                p = p.withDispersion(within("--dispersion", v, number("--dispersion", v), 0, Math.nextDown(1.0),
                        "a dispersion in [0, 1), e.g. 0.5"));
            }
            if ((v = a.value("--refill")) != null) {
                p = p.withRefill(within("--refill", v, number("--refill", v), 0, Math.nextDown(1.0),
                        "a share of the consumed depth in [0, 1), e.g. 0.3"));
            }
            Crowding c = p.crowding();
            double funding = c.fundingAnnual();
            double oiRatio = c.oiRatio();
            if ((v = a.value("--funding")) != null) {
                // Funding has a sign (negative when shorts pay), unlike the shock: both signs are real rates.
                funding = within("--funding", v, 100 * percent("--funding", v), -1000, 1000,
                        "an annualised funding rate in percent in [-1000, 1000], e.g. 52 for 52% a year") / 100;
            }
            if ((v = a.value("--oi-ratio")) != null) {
                oiRatio = within("--oi-ratio", v, number("--oi-ratio", v), Double.MIN_VALUE, 100,
                        "the open interest over its 90-day mean, in (0, 100], e.g. 1.25");
            }
            p = p.withCrowding(new Crowding(funding, oiRatio));
        } catch (IllegalArgumentException e) {
            request.err().println("cascade: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        }
        if (note != null) {
            // Beside JSON on standard output the note goes to standard error, so the JSON stays parseable.
            (json ? request.err() : request.out()).println(note);
        }
        if (state != null) {
            for (String w : state.warnings()) {
                request.err().println("cascade: " + w);
            }
        }
        CascadeResult r = Cascade.run(p);
        if (json) {
            request.out().println(ReportFormat.json(r, state));
        } else {
            if (state != null) {
                request.out().println("Market state: " + state.text() + " (options given override it)");
            } else {
                request.out().println("Market state: not read (--uncrowded): neutral funding, the default open"
                        + " interest at its mean");
            }
            ReportFormat.text(r, request.out());
        }
        return OK;
    }

    /** The asset whose parameter set is the default: {@code btc} or {@code eth}. */
    private static String asset(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("btc") && !t.equals("eth")) {
            throw new IllegalArgumentException("--asset '" + Excerpt.printable(text, Excerpt.CHARS)
                    + "': expected btc or eth");
        }
        return t;
    }

    /** The most open interest or depth the command takes: USD 10 trillion, beyond any market's. */
    static final double MAX_USD = 1e13;

    /** The largest initial fall in percent; the model's parameters stop at 90%. */
    static final double MAX_SHOCK_PERCENT = 90;

    /**
     * The shock: a fall in percent without a sign, in (0, 90]. A sign is refused because
     * {@code -3} reads as "minus three percent" to some and as "a fall of three" to others.
     */
    static double shock(String text) {
        String t = text.trim();
        String expected = "the fall in percent without a sign, in (0, " + (int) MAX_SHOCK_PERCENT
                + "], e.g. --shock 3 for a 3% fall";
        if (t.startsWith("-") || t.startsWith("+")) {
            throw new IllegalArgumentException("--shock '" + Excerpt.printable(text, Excerpt.CHARS) + "': expected "
                    + expected + " (a shock is always a fall; give no sign)");
        }
        double fraction = percent("--shock", text);
        within("--shock", text, 100 * fraction, Double.MIN_VALUE, MAX_SHOCK_PERCENT, expected);
        return fraction;
    }

    /**
     * The margin in force when a bucket of leverage L liquidates after a fall of {@code 1/L -
     * margin}: at or above {@code 1/L} of the most leveraged bucket, that bucket would be
     * liquidated before any fall, so such a margin is refused naming the bucket.
     */
    private static CascadeParams withMargin(CascadeParams p, double margin, String text) {
        double most = 1;
        for (LeverageBucket b : p.buckets()) {
            most = Math.max(most, b.leverage());
        }
        double limit = 100 / most;
        if (!(margin >= 0 && margin * 100 < limit)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--margin '%s': expected a maintenance"
                    + " margin in percent in [0, %.2f), below 1/leverage of the most leveraged bucket (%.0fx); at or"
                    + " above it that bucket is liquidated before any fall", Excerpt.printable(text, Excerpt.CHARS),
                    limit, most));
        }
        return p.withMaintenanceMargin(margin);
    }

    private static double within(String option, String text, double v, double min, double max, String expected) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(option + " '" + Excerpt.printable(text, Excerpt.CHARS) + "': expected "
                    + expected);
        }
        return v;
    }

    /** A number of USD: {@code 30e9}, {@code 30bn}, {@code 30B}, {@code 500M}, {@code 750k}. */
    static double amount(String option, String text) {
        String t = text.trim().replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("bn")) {
            factor = 1e9;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b")) {
            factor = 1e9;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 1e6;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            factor = 1e3;
            t = t.substring(0, t.length() - 1);
        }
        double v = number(option, t, text) * factor;
        return within(option, text, v, Double.MIN_VALUE, MAX_USD,
                "a positive amount of USD of at most 1e13 (10 trillion), e.g. 30e9 or 30bn");
    }

    /** A percentage ({@code 3} or {@code 3%}) as a fraction. */
    static double percent(String option, String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        return number(option, t, text) / 100;
    }

    private static double number(String option, String text) {
        return number(option, text, text);
    }

    /** {@code text} as a finite number; errors quote {@code given}, what the user typed. */
    private static double number(String option, String text, String given) {
        String t = text.trim();
        try {
            // Double.parseDouble also takes "NaN", "Infinity" and hex floats ("0x1p3"): refused here as not plain numbers.
            if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                double v = Double.parseDouble(t);
                if (Double.isFinite(v)) {
                    return v;
                }
            }
        } catch (NumberFormatException e) {
            // reported below, naming the option
        }
        throw new IllegalArgumentException(option + " '" + Excerpt.printable(given, Excerpt.CHARS)
                + "' is not a number (expected a finite decimal number such as 3 or 1.5e9)");
    }
}
