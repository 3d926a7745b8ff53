package io.tideline.regime;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.series.Timeframe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The indicator graph the checklist reads, built from the rules and the roles that are bound:
 * nodes over unbound roles are left out (the role is then reported missing). Every role read
 * also gets a {@code raw.ROLE} node (an SMA of one bar: the series itself) so that levels and
 * presence are read the same way as indicators. The graph is computed on daily bars; a second,
 * small graph, the correlation step's intraday confirmation, on the intraday bars of its equity
 * and crypto roles when both are bound at 4h or shorter. Immutable.
 *
 * @param nodes the graph, in dependency order, computed on daily bars
 * @param roles every role the checklist reads, in checklist order
 * @param basket the leadership basket role (the first bound of the rules' list; when none is
 *     bound, the first bound index, measured against the next bound index; else the first)
 * @param index the leadership index role, chosen the same way
 * @param boundRoles the roles of {@code roles} that are bound
 * @param intradayNodes the intraday confirmation's graph, computed on bars of {@code intraday};
 *     empty when it falls back to daily bars
 * @param intraday the bar length of the intraday confirmation: 1h, or 4h when either role is
 *     bound at 4h; null when it falls back to daily bars
 * @param fallback why the confirmation falls back to daily bars, e.g. {@code btc and spx not both
 *     bound at 1h or 4h (spx at 1d)}; null when it does not
 */
record Plan(List<IndicatorNode> nodes, List<String> roles, String basket, String index, Set<String> boundRoles,
        List<IndicatorNode> intradayNodes, Timeframe intraday, String fallback) {

    static final String MACRO_DOLLAR = "macro.dollar.return";
    static final String LEAD_RATIO = "leadership.ratio";
    static final String LEAD_RATIO_AVG = "leadership.ratio.average";
    static final String LEAD_INDEX_TREND = "leadership.index.trend";
    static final String CRYPTO_RETURN = "crypto.return";
    static final String CRYPTO_DRAWDOWN = "crypto.drawdown";
    static final String CRYPTO_VOL = "crypto.vol";
    static final String CRYPTO_VOL_BASE = "crypto.vol.base";
    static final String CRYPTO_LIQ = "crypto.liquidations";
    static final String CRYPTO_LIQ_BASE = "crypto.liquidations.base";
    static final String CRYPTO_OI_DIVERGENCE = "crypto.oi.divergence";
    static final String CORR_EQUITY_RETURN = "correlation.equity.return";
    static final String CORR_CRYPTO_RETURN = "correlation.crypto.return";
    static final String CORR_RHO = "correlation.rho";
    static final String CORR_EWMA_RHO = "correlation.ewma.rho";
    static final String CORR_EWMA_BETA = "correlation.ewma.beta";
    static final String CORR_EQUITY_VOL = "correlation.equity.vol";
    static final String CORR_EQUITY_VOL_BASE = "correlation.equity.vol.base";
    static final String CORR_EQUITY_FAST = "correlation.equity.fast";
    static final String CORR_CRYPTO_FAST = "correlation.crypto.fast";
    static final String EXEC_EXPOSURE = "execution.exposure";
    static final String EXEC_RISK_OFF_EXPOSURE = "execution.exposure.riskoff";
    static final String CORR_COMPRESSION = "correlation.compression.warning";
    static final String INTRA_EQUITY = "intraday.equity";
    static final String INTRA_CRYPTO = "intraday.crypto";
    static final String INTRA_EQUITY_SIGMA = "intraday.equity.sigma";
    static final String INTRA_CRYPTO_SIGMA = "intraday.crypto.sigma";
    static final String INTRA_RHO = "intraday.rho";

    Plan {
        nodes = List.copyOf(nodes);
        roles = List.copyOf(roles);
        boundRoles = Set.copyOf(boundRoles);
        intradayNodes = List.copyOf(intradayNodes);
        if ((intraday == null) == (fallback == null)) {
            throw new IllegalArgumentException("a plan confirms on intraday bars or says why it falls back, not both");
        }
    }

    /** Whether the role is bound (a role the checklist reads). */
    boolean bound(String role) {
        return boundRoles.contains(role);
    }

    static String raw(String role) {
        return "raw." + role;
    }

    /** The plan when every bound role is read at its daily bars (no intraday confirmation). */
    static Plan of(Rules rules, Predicate<String> bound) {
        return of(rules, bound, role -> Timeframe.D1);
    }

    /**
     * @param bound whether a role is bound
     * @param timeframes the native bar length of the series each bound role is bound to
     */
    static Plan of(Rules rules, Predicate<String> bound, Function<String, Timeframe> timeframes) {
        Rules.Steps s = rules.steps();
        String basket = firstBound(s.leadership().baskets(), bound);
        String index = firstBound(s.leadership().indices(), bound);
        List<String> boundIndices = s.leadership().indices().stream().filter(bound).toList();
        if (!bound.test(basket) && boundIndices.size() >= 2) {
            // No basket bound: the first index (Nasdaq) against the next (S&P 500) measures tech
            // leadership with the core roles alone.
            basket = boundIndices.get(0);
            index = boundIndices.get(1);
        }
        Set<String> roles = new LinkedHashSet<>(List.of(s.macro().yieldRole(), s.macro().dollarRole(), basket, index,
                s.crypto().priceRole(), s.crypto().fundingRole(), s.crypto().oiRole(), s.crypto().liquidationsRole(),
                s.correlation().equityRole(), s.correlation().cryptoRole(), s.correlation().vixRole()));
        List<IndicatorNode> nodes = new ArrayList<>();
        Builder b = new Builder(nodes, bound);
        for (String role : roles) {
            b.add(raw(role), "sma", Map.of("window", 1.0), role);
        }
        Rules.Macro m = s.macro();
        b.add(MACRO_DOLLAR, "simple-return", Map.of("periods", (double) m.days()), m.dollarRole());

        Rules.Leadership l = s.leadership();
        if (b.add(LEAD_RATIO, "leadership-ratio", Map.of(), basket, index)) {
            nodes.add(new IndicatorNode(LEAD_RATIO_AVG, "sma", Map.of("window", (double) l.ratioAverageDays()),
                    List.of(LEAD_RATIO)));
        }
        b.add(LEAD_INDEX_TREND, "sma", Map.of("window", (double) l.indexTrendDays()), index);

        Rules.Crypto c = s.crypto();
        b.add(CRYPTO_RETURN, "simple-return", Map.of("periods", (double) c.priceDays()), c.priceRole());
        b.add(CRYPTO_DRAWDOWN, "drawdown", Map.of("window", (double) c.drawdownWindow()), c.priceRole());
        b.add(CRYPTO_VOL, "realized-vol", Map.of("window", (double) c.volWindow(), "periodsPerYear", 365.0),
                c.priceRole());
        b.add(CRYPTO_VOL_BASE, "realized-vol", Map.of("window", (double) c.volBaseWindow(), "periodsPerYear", 365.0),
                c.priceRole());
        b.add(CRYPTO_LIQ, "sma", Map.of("window", (double) c.liquidationDays()), c.liquidationsRole());
        b.add(CRYPTO_LIQ_BASE, "sma", Map.of("window", (double) c.liquidationBaseDays()), c.liquidationsRole());
        b.add(CRYPTO_OI_DIVERGENCE, "oi-price-divergence", Map.of("periods", (double) c.oiPeriods()), c.oiRole(),
                c.priceRole());

        Rules.Correlation k = s.correlation();
        b.add(CORR_EQUITY_RETURN, "simple-return", Map.of("periods", (double) k.equityTrendDays()), k.equityRole());
        b.add(CORR_CRYPTO_RETURN, "simple-return", Map.of("periods", (double) k.cryptoTrendDays()), k.cryptoRole());
        b.add(CORR_RHO, "correlation", Map.of("window", (double) k.correlationWindow()), k.equityRole(),
                k.cryptoRole());
        // RiskMetrics' daily decay (0.94, a half-life of about 11 bars): the fast view of the same link
        b.add(CORR_EWMA_RHO, "ewma-correlation", Map.of(), k.equityRole(), k.cryptoRole());
        b.add(CORR_EWMA_BETA, "ewma-beta", Map.of(), k.cryptoRole(), k.equityRole());
        b.add(CORR_EQUITY_VOL, "realized-vol", Map.of("window", (double) k.volWindow(), "periodsPerYear", 252.0),
                k.equityRole());
        b.add(CORR_EQUITY_VOL_BASE, "realized-vol",
                Map.of("window", (double) k.volBaseWindow(), "periodsPerYear", 252.0), k.equityRole());

        b.add(CORR_EQUITY_FAST, "return-sigma", Map.of("periods", (double) k.fastEquityDays(), "window",
                (double) k.fastVolWindow()), k.equityRole());
        b.add(CORR_CRYPTO_FAST, "return-sigma", Map.of("periods", (double) k.fastCryptoDays(), "window",
                (double) k.fastVolWindow()), k.cryptoRole());

        Rules.Execution e = s.execution();
        b.add(EXEC_EXPOSURE, "vol-target-exposure", Map.of("targetVol", e.targetVol(), "maxLeverage",
                e.maxLeverage(), "window", (double) e.volWindow(), "periodsPerYear", e.periodsPerYear()),
                k.equityRole());
        b.add(EXEC_RISK_OFF_EXPOSURE, "vol-target-exposure", Map.of("targetVol", e.riskOffTargetVol(), "maxLeverage",
                e.maxLeverage(), "window", (double) e.volWindow(), "periodsPerYear", e.periodsPerYear()),
                k.equityRole());
        Rules.CompressionWarning w = k.compressionWarning();
        b.add(CORR_COMPRESSION, "compression-warning", Map.of("window", (double) w.window(), "periods",
                (double) w.periods()), k.equityRole(), m.dollarRole(), m.yieldRole(), c.oiRole(), k.cryptoRole());

        // The intraday confirmation: on the roles' own bars when both are 4h or shorter, on 1h at least.
        List<IndicatorNode> intraday = new ArrayList<>();
        Timeframe bars = null;
        String fallback = null;
        String why = intradayBars(k.equityRole(), bound, timeframes) + intradayBars(k.cryptoRole(), bound,
                timeframes);
        if (why.isEmpty()) {
            bars = longest(Timeframe.H1, longest(timeframes.apply(k.equityRole()), timeframes.apply(k.cryptoRole())));
            Rules.Intraday in = k.intraday();
            Builder ib = new Builder(intraday, bound);
            ib.add(INTRA_EQUITY, "sma", Map.of("window", 1.0), k.equityRole());
            ib.add(INTRA_CRYPTO, "sma", Map.of("window", 1.0), k.cryptoRole());
            Map<String, Double> sigma = Map.of("periods", (double) in.trendBars(), "window", (double) in.volWindow());
            ib.add(INTRA_EQUITY_SIGMA, "return-sigma", sigma, k.equityRole());
            ib.add(INTRA_CRYPTO_SIGMA, "return-sigma", sigma, k.cryptoRole());
            ib.add(INTRA_RHO, "correlation", Map.of("window", (double) in.correlationWindow()), k.equityRole(),
                    k.cryptoRole());
        } else {
            fallback = k.cryptoRole() + " and " + k.equityRole() + " not both bound at 1h or 4h (" + why.substring(2)
                    + ")";
        }
        return new Plan(nodes, new ArrayList<>(roles), basket, index,
                roles.stream().filter(bound).collect(java.util.stream.Collectors.toSet()), intraday, bars, fallback);
    }

    /** Empty when {@code role} is bound at 4h or shorter, else {@code ", ROLE unbound"} or {@code ", ROLE at 1d"}. */
    private static String intradayBars(String role, Predicate<String> bound, Function<String, Timeframe> timeframes) {
        if (!bound.test(role)) {
            return ", " + role + " unbound";
        }
        Timeframe t = timeframes.apply(role);
        return t != null && t.millis() <= Timeframe.H4.millis() ? "" : ", " + role + " at "
                + (t == null ? "an unknown bar length" : t.label());
    }

    private static Timeframe longest(Timeframe a, Timeframe b) {
        return a.millis() >= b.millis() ? a : b;
    }

    /** Whether {@code node} is in the daily graph (its roles are bound). */
    boolean has(String node) {
        for (IndicatorNode n : nodes) {
            if (n.name().equals(node)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code node} is one of the intraday confirmation's. */
    boolean isIntraday(String node) {
        for (IndicatorNode n : intradayNodes) {
            if (n.name().equals(node)) {
                return true;
            }
        }
        return false;
    }

    private static String firstBound(List<String> roles, Predicate<String> bound) {
        return roles.stream().filter(bound).findFirst().orElse(roles.get(0));
    }

    private record Builder(List<IndicatorNode> nodes, Predicate<String> bound) {
        /** Adds the node if every input role is bound. */
        boolean add(String name, String indicator, Map<String, Double> params, String... inputs) {
            for (String in : inputs) {
                if (!bound.test(in)) {
                    return false;
                }
            }
            nodes.add(new IndicatorNode(name, indicator, params, List.of(inputs)));
            return true;
        }
    }
}
