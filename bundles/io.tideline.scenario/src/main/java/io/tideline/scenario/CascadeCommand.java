package io.tideline.scenario;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code cascade} command: the liquidation-cascade model alone, from the calibrated defaults
 * with the given open interest, shock, depth and leverage.
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
        return "cascade --oi USD --shock PCT [--depth USD] [--leverage L] [--margin PCT] [--dispersion X] [--json]\n"
                + "  --oi USD         open interest, e.g. 30e9 or 30bn (default " + ReportFormat.money(d.openInterest()) + ")\n"
                + "  --shock PCT      the initial fall in percent, e.g. 3 for -3% (required)\n"
                + "  --depth USD      market sells that move the price 1%, e.g. 1.5e9 (default "
                + ReportFormat.money(d.depth()) + ")\n"
                + "  --leverage L     scale the crowded-long leverage distribution to a mean of L (default "
                + String.format(Locale.ROOT, "%.1f", d.meanLeverage()) + ")\n"
                + "  --margin PCT     maintenance margin in percent (default "
                + String.format(Locale.ROOT, "%.2f", 100 * d.maintenanceMargin()) + ")\n"
                + "  --dispersion X   spread of liquidation prices around a bucket's nominal one, 0..1 (default "
                + d.dispersion() + ")\n"
                + "  --json           print the result as JSON";
    }

    @Override
    public int run(CommandRequest request) {
        CascadeParams p = CascadeParams.defaults();
        Double shock = null;
        boolean json = false;
        List<String> args = request.args();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--json")) {
                    json = true;
                    continue;
                }
                if (!List.of("--oi", "--shock", "--depth", "--leverage", "--margin", "--dispersion").contains(a)) {
                    throw new IllegalArgumentException("unknown argument " + a);
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args.get(++i);
                switch (a) {
                    case "--oi" -> p = p.withOpenInterest(amount(a, v));
                    case "--shock" -> shock = Math.abs(percent(a, v));
                    case "--depth" -> p = p.withDepth(amount(a, v));
                    case "--leverage" -> p = p.withMeanLeverage(number(a, v));
                    case "--margin" -> p = new CascadeParams(p.openInterest(), p.shock(), p.buckets(), p.levels(),
                            percent(a, v), p.dispersion(), p.depth(), p.maxRounds(), p.tolerance());
                    default -> p = new CascadeParams(p.openInterest(), p.shock(), p.buckets(), p.levels(),
                            p.maintenanceMargin(), number(a, v), p.depth(), p.maxRounds(), p.tolerance());
                }
            }
            if (shock == null) {
                throw new IllegalArgumentException("--shock PCT is required (e.g. --shock 3 for a 3% fall)");
            }
            p = p.withShock(shock);
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
        double v = number(option, t) * factor;
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a positive amount of USD");
        }
        return v;
    }

    /** A percentage ({@code 3} or {@code 3%}) as a fraction. */
    static double percent(String option, String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        return number(option, t) / 100;
    }

    private static double number(String option, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, naming the option
        }
        throw new IllegalArgumentException(option + " '" + text + "' is not a number");
    }
}
