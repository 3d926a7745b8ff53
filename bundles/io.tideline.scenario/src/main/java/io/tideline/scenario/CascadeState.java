package io.tideline.scenario;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.workspace.Roles;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.Crowding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The leveraged market a cascade starts from, read from the store as of a day: the asset's
 * perpetual funding (its funding role, a rate per 8 hours as a fraction, annualised here) and its
 * perpetual open interest in USD with that open interest over its mean of the last
 * {@value #OI_MEAN_DAYS} days. Each value is the last one <em>available</em> by the day's end (the
 * checklist's availability rules) and counts only while it is no older than the pack's staleness
 * limit. Where a value is unbound, stale or too short a history, the calibrated uncrowded default
 * stands in and the state says so: a missing input never reads as a calm market without saying
 * it.
 *
 * <p>ETH reads {@code eth.funding} and {@code eth.oi}; while {@code eth.funding} is unbound BTC's
 * funding stands in (as in the calibration, the sample having no ETH funding).
 *
 * @param asset {@code btc} or {@code eth}
 * @param day the day the state is read as of
 * @param funding the funding read, annualised as a fraction (0.1095 = 10.95% a year)
 * @param openInterest the open interest read, USD
 * @param oiRatio the open interest over its mean of the last {@value #OI_MEAN_DAYS} days; NaN when
 *        unknown
 * @param oiRatioReason why the ratio is unknown, else null
 */
record CascadeState(String asset, LocalDate day, Part funding, Part openInterest, double oiRatio,
        String oiRatioReason) {

    /** The days over which the open interest's mean is taken, as {@link Crowding} defines its ratio. */
    static final int OI_MEAN_DAYS = 90;

    /** The least history, in days, the open interest's mean needs before its ratio is read. */
    static final int OI_MIN_HISTORY_DAYS = 30;

    /** Funding periods a year: a rate per 8 hours, three times a day. */
    static final double FUNDING_PERIODS_A_YEAR = 3 * 365;

    private static final String NODE = "state.";

    /**
     * One input: the role read, its value (NaN when there is none), the day of that value, and
     * why there is none ("not bound", "stale since 2026-02-12").
     */
    record Part(String role, double value, LocalDate observed, String missing) {

        boolean known() {
            return missing == null;
        }
    }

    /** The funding role of an asset: its own where bound, BTC's standing in for ETH otherwise. */
    static String fundingRole(String asset, Predicate<String> bound) {
        if (asset.equals(Roles.ETH) && bound.test(Roles.ETH_FUNDING)) {
            return Roles.ETH_FUNDING;
        }
        return Roles.BTC_FUNDING;
    }

    /** The open-interest role of an asset ({@code eth.oi} for ETH, else {@code btc.oi}). */
    static String oiRole(String asset) {
        return asset.equals(Roles.ETH) ? Roles.ETH_OI : Roles.BTC_OI;
    }

    /** The engine nodes the state of these assets reads: each bound role's raw values. */
    static List<IndicatorNode> nodes(List<String> assets, Predicate<String> bound) {
        List<IndicatorNode> nodes = new ArrayList<>();
        for (String asset : assets) {
            for (String role : List.of(fundingRole(asset, bound), oiRole(asset))) {
                boolean present = nodes.stream().anyMatch(n -> n.name().equals(NODE + role));
                if (bound.test(role) && !present) {
                    nodes.add(new IndicatorNode(NODE + role, "sma", Map.of("window", 1.0), List.of(role)));
                }
            }
        }
        return nodes;
    }

    /**
     * The state of {@code asset} as of {@code day}, from measures holding {@link #nodes}.
     *
     * @param cutoff the day's end: values available after it are not read
     */
    static CascadeState read(String asset, LocalDate day, Measures m, long cutoff, Predicate<String> bound) {
        String fRole = fundingRole(asset, bound);
        Part funding = part(fRole, m, cutoff, bound, false);
        if (funding.known()) {
            funding = new Part(fRole, funding.value() * FUNDING_PERIODS_A_YEAR, funding.observed(), null);
        }
        String oRole = oiRole(asset);
        Part oi = part(oRole, m, cutoff, bound, true);
        double ratio = Double.NaN;
        String ratioReason;
        if (!oi.known()) {
            ratioReason = oRole + " " + oi.missing();
        } else {
            String node = NODE + oRole;
            long[] times = m.times(node);
            double[] values = m.values(node);
            int last = m.index(node, cutoff);
            long from = times[last] - OI_MEAN_DAYS * 86_400_000L;
            double sum = 0;
            int n = 0;
            for (int i = last; i >= 0 && times[i] > from; i--) {
                if (Double.isFinite(values[i])) {
                    sum += values[i];
                    n++;
                }
            }
            long history = (times[last] - times[0]) / 86_400_000L;
            if (history < OI_MIN_HISTORY_DAYS) {
                ratioReason = oRole + " holds " + history + " days of history, under the " + OI_MIN_HISTORY_DAYS
                        + " its " + OI_MEAN_DAYS + "-day mean needs";
            } else {
                ratio = oi.value() / (sum / n);
                ratioReason = null;
            }
        }
        return new CascadeState(asset, day, funding, oi, ratio, ratioReason);
    }

    private static Part part(String role, Measures m, long cutoff, Predicate<String> bound, boolean amount) {
        if (!bound.test(role)) {
            return new Part(role, Double.NaN, null, "not bound");
        }
        Measures.Reading r = m.level(NODE + role, cutoff);
        int i = m.index(NODE + role, cutoff);
        LocalDate observed = i < 0 ? null : Measures.day(m.times(NODE + role)[i]);
        if (!r.known()) {
            return new Part(role, Double.NaN, observed, r.brief());
        }
        if (amount && !(r.value() > 0)) {
            return new Part(role, Double.NaN, observed, "not a positive amount on " + observed);
        }
        return new Part(role, r.value(), observed, null);
    }

    /**
     * The parameters with this state in them: the funding and the open-interest ratio as the
     * crowding, the open interest as the notional, each where it was read; the rest as given.
     * Values outside the model's ranges are held at their bounds (funding within ±1000% a year,
     * open interest within the command's bound, the ratio within (0, 100]).
     */
    CascadeParams apply(CascadeParams p) {
        Crowding given = p.crowding();
        double f = funding.known() ? Math.max(-10, Math.min(10, funding.value())) : given.fundingAnnual();
        double r = Double.isFinite(oiRatio) ? Math.max(1e-9, Math.min(100, oiRatio)) : given.oiRatio();
        CascadeParams out = p.withCrowding(new Crowding(f, r));
        if (openInterest.known()) {
            out = out.withOpenInterest(Math.min(CascadeCommand.MAX_USD, openInterest.value()));
        }
        return out;
    }

    /**
     * What was read, in one line: "btc as of 2026-02-06: funding -2.9% a year (btc.funding, 2026-02-05);
     * open interest: btc.oi not bound, the default and ratio 1 stand in".
     */
    String text() {
        StringBuilder b = new StringBuilder(asset + " as of " + day + ": funding ");
        if (funding.known()) {
            b.append(String.format(Locale.ROOT, "%.1f%% a year (%s, %s)", 100 * funding.value(), funding.role(),
                    funding.observed()));
            if (asset.equals(Roles.ETH) && funding.role().equals(Roles.BTC_FUNDING)) {
                b.append(", BTC's standing in: eth.funding not bound");
            }
        } else {
            b.append(funding.role()).append(' ').append(funding.missing()).append(": neutral stands in");
        }
        b.append("; open interest ");
        if (openInterest.known()) {
            b.append(ReportFormat.money(openInterest.value())).append(" (").append(openInterest.role()).append(", ")
                    .append(openInterest.observed()).append(')');
            if (Double.isFinite(oiRatio)) {
                b.append(String.format(Locale.ROOT, ", %.2fx its %d-day mean", oiRatio, OI_MEAN_DAYS));
            } else {
                b.append(", ratio 1 stands in: ").append(oiRatioReason);
            }
        } else {
            b.append(openInterest.role()).append(' ').append(openInterest.missing())
                    .append(": the default and a ratio of 1 stand in");
        }
        return b.toString();
    }

    /**
     * What a report should warn of: an input that is bound but could not be read (stale, failed,
     * too short a history). An unbound one is a choice of the workspace, said in {@link #text()}.
     */
    List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!funding.known() && !funding.missing().equals("not bound")) {
            w.add("the cascade reads no funding from " + funding.role() + " (" + funding.missing()
                    + "): neutral funding stands in");
        }
        if (!openInterest.known() && !openInterest.missing().equals("not bound")) {
            w.add("the cascade reads no open interest from " + openInterest.role() + " (" + openInterest.missing()
                    + "): the default open interest at its mean stands in");
        }
        if (openInterest.known() && oiRatioReason != null) {
            w.add("the cascade takes the open interest of " + openInterest.role() + " at its mean: " + oiRatioReason);
        }
        return w;
    }
}
