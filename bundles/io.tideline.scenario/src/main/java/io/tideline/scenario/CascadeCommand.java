package io.tideline.scenario;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.Crowding;
import io.tideline.scenario.api.LeverageBucket;
import io.tideline.support.text.Excerpt;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

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
                + " [--refill X] [--funding PCT] [--oi-ratio X] [--json]\n"
                + "  --asset A        btc or eth: whose open interest and depth are the defaults (default btc)\n"
                + "  --oi USD         open interest, e.g. 30e9 or 30bn, at most 1e13 (default "
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
                + " [-1000, 1000]; above the neutral 10.95 it crowds the longs (default: neutral)\n"
                + "  --oi-ratio X     open interest over its 90-day mean, in (0, 100]; above 1 it crowds the longs"
                + " (default 1)\n"
                + "  --json           print the result as JSON (p10, p50, p90: percentiles of the final fall over"
                + " the ensemble)";
    }

    @Override
    public int run(CommandRequest request) {
        CascadeParams p;
        boolean json = false;
        List<String> args = request.args();
        try {
            CascadeParams d = CascadeParams.defaults();
            Double shock = null;
            Double margin = null;
            String marginText = null;
            Double leverage = null;
            String asset = "btc";
            Double oi = null;
            Double depth = null;
            double dispersion = d.dispersion();
            double refill = d.refill();
            double funding = d.crowding().fundingAnnual();
            double oiRatio = d.crowding().oiRatio();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--json")) {
                    json = true;
                    continue;
                }
                if (!List.of("--asset", "--oi", "--shock", "--depth", "--leverage", "--margin", "--dispersion",
                        "--refill", "--funding", "--oi-ratio").contains(a)) {
                    throw new IllegalArgumentException("unknown argument " + Excerpt.printable(a, Excerpt.CHARS));
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args.get(++i);
                switch (a) {
                    case "--asset" -> asset = asset(v);
                    case "--oi" -> oi = amount(a, v);
                    case "--shock" -> shock = shock(v);
                    case "--depth" -> depth = amount(a, v);
                    case "--leverage" -> leverage = within(a, v, number(a, v), 1, 1000, "a mean leverage in [1, 1000]");
                    case "--margin" -> {
                        margin = percent(a, v);
                        marginText = v;
                    }
                    case "--refill" -> refill = within(a, v, number(a, v), 0, Math.nextDown(1.0),
                            "a share of the consumed depth in [0, 1), e.g. 0.3");
                    // Funding has a sign (negative when shorts pay), unlike the shock: both signs are real rates.
                    case "--funding" -> funding = within(a, v, 100 * percent(a, v), -1000, 1000,
                            "an annualised funding rate in percent in [-1000, 1000], e.g. 52 for 52% a year") / 100;
                    case "--oi-ratio" -> oiRatio = within(a, v, number(a, v), Double.MIN_VALUE, 100,
                            "the open interest over its 90-day mean, in (0, 100], e.g. 1.25");
                    default -> dispersion = within(a, v, number(a, v), 0, Math.nextDown(1.0),
                            "a dispersion in [0, 1), e.g. 0.5");
                }
            }
            if (shock == null) {
                throw new IllegalArgumentException("--shock PCT is required (e.g. --shock 3 for a 3% fall)");
            }
            p = Cascade.forRole(asset, d).withShock(shock);
            if (oi != null) {
                p = p.withOpenInterest(oi);
            }
            if (depth != null) {
                p = p.withDepth(depth);
            }
            if (leverage != null) {
                p = p.withMeanLeverage(leverage);
            }
            if (margin != null) {
                p = withMargin(p, margin, marginText);
            }
            p = p.withDispersion(dispersion).withRefill(refill).withCrowding(new Crowding(funding, oiRatio));
        } catch (IllegalArgumentException e) {
            request.err().println("cascade: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        }
        CascadeResult r = Cascade.run(p);
        if (json) {
            request.out().println(ReportFormat.json(r));
        } else {
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
