package io.tideline.regime;

import io.tideline.regime.api.Action;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.support.series.AsOfColumns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns readings as of a cutoff into the five steps, the regime, tier and action, following the
 * rules. Pure and immutable: the same readings and cutoff give the same verdict.
 */
final class Judge {

    private final Rules rules;
    private final Plan plan;

    Judge(Rules rules, Plan plan) {
        this.rules = rules;
        this.plan = plan;
    }

    /** What the steps found, for the regime mapping. */
    private static final class Facts {
        boolean yieldAdverse;
        boolean dollarAdverse;
        boolean leadershipBreak;
        boolean liquidationsRising;
        double equityReturn = Double.NaN;
        double cryptoReturn = Double.NaN;
        boolean equityDown;
        boolean cryptoDown;
        boolean equityVolRising;
        double vix = Double.NaN;
        double rho = Double.NaN;
        boolean cryptoFalling;
    }

    Verdict judge(String day, long cutoff, AsOfColumns r) {
        Facts f = new Facts();
        Step macro = macro(r, cutoff, f);
        Step leadership = leadership(r, cutoff, f);
        Step crypto = crypto(r, cutoff, f);
        Step correlation = correlation(r, cutoff, f);
        Rules.RegimeRules g = rules.regime();

        int score = 0;
        for (Step s : List.of(macro, leadership, crypto, correlation)) {
            score += s.status() == Status.RED ? g.redPoints() : s.status() == Status.AMBER ? g.amberPoints() : 0;
        }
        int tier = 1;
        for (int min : g.tierMinScores()) {
            tier += score >= min ? 1 : 0;
        }
        if (f.vix >= g.vixShock()) {
            tier++;
        }
        tier = Math.min(tier, 5);

        boolean crossDown = f.equityDown && f.cryptoDown;
        boolean stress = f.equityVolRising || f.vix >= rules.steps().correlation().vixHigh();
        boolean equityHolds = f.equityReturn > g.equityHoldPct() && leadership.status() != Status.RED;
        boolean cryptoWeak = crypto.status() == Status.AMBER || crypto.status() == Status.RED;
        Regime regime;
        if (crossDown && stress && f.dollarAdverse) {
            regime = Regime.LIQUIDITY_SHOCK;
        } else if (crossDown && stress || f.vix >= g.vixShock()) {
            regime = Regime.VOLATILITY_EVENT;
        } else if (cryptoWeak && equityHolds && !crossDown) {
            regime = Regime.CRYPTO_SPECIFIC;
        } else if (crossDown || leadership.status() == Status.RED || tier >= g.riskOffMinTier() && f.equityDown) {
            regime = Regime.TREND_BREAK;
        } else if (score == 0 && f.equityReturn > 0 && f.cryptoReturn > 0) {
            regime = Regime.RISK_ON;
        } else {
            regime = Regime.NORMAL;
        }
        boolean riskOff = (regime == Regime.LIQUIDITY_SHOCK || regime == Regime.VOLATILITY_EVENT
                || regime == Regime.TREND_BREAK) && (crossDown || tier >= g.riskOffMinTier());

        Action action;
        if (tier >= g.hedgeMinTier() && riskOff) {
            action = Action.HEDGE;
        } else if (riskOff || tier >= g.reduceMinTier() && regime == Regime.CRYPTO_SPECIFIC) {
            // A cross-asset risk-off always means trading smaller, whatever the tier.
            action = Action.REDUCE;
        } else if (tier >= g.waitMinTier() || regime == Regime.CRYPTO_SPECIFIC) {
            action = Action.WAIT;
        } else {
            action = Action.NONE;
        }

        Rules.Execution e = rules.steps().execution();
        double vte = r.value(Plan.EXEC_EXPOSURE, cutoff);
        double cap = e.exposureCapByTier().get(tier - 1);
        Double exposure = Double.isNaN(vte) ? null : Math.min(vte, cap);
        String equity = rules.steps().correlation().equityRole();
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence(equity, "vol-target-exposure(" + e.volWindow() + ")", num(vte), e.targetVol(),
                "exposure = min(target vol / realized vol, " + e.maxLeverage() + "x)"));
        ev.add(new Evidence(equity, "tier-cap", cap, (double) tier, "exposure capped at " + cap + "x in tier " + tier));
        Status execStatus = switch (action) {
            case HEDGE, REDUCE -> Status.RED;
            case WAIT -> Status.AMBER;
            case NONE -> Status.GREEN;
        };
        String exp = exposure == null ? "no exposure suggestion (no " + equity + " data)"
                : String.format(Locale.ROOT, "suggested exposure %.2fx", exposure);
        String execSummary = switch (action) {
            case HEDGE -> "HEDGE: cross-asset risk-off, protect the book; " + exp;
            case REDUCE -> "REDUCE: trade smaller; " + exp;
            case WAIT -> "WAIT: no new risk, no revenge entries; " + exp;
            case NONE -> "NONE: no action; " + exp;
        };
        Step execution = new Step("execution", execStatus, execSummary, ev);

        Set<String> drivers = new LinkedHashSet<>();
        if (f.yieldAdverse) {
            drivers.add("rates shock");
        }
        if (f.dollarAdverse) {
            drivers.add("dollar squeeze");
        }
        if (f.leadershipBreak) {
            drivers.add("AI/tech re-rating");
        }
        if (f.equityDown && f.equityVolRising || f.vix >= rules.steps().correlation().vixHigh()) {
            drivers.add("volatility deleveraging");
        }
        if (f.liquidationsRising && f.cryptoFalling) {
            drivers.add("liquidation cascade");
        } else if (crypto.status() == Status.RED) {
            drivers.add("crypto deleveraging");
        }
        if (crossDown && f.rho >= rules.steps().correlation().correlationHigh()) {
            drivers.add("correlation compression");
        }
        List<String> missing = new ArrayList<>();
        for (String role : plan.roles()) {
            if (Double.isNaN(r.value(Plan.raw(role), cutoff))) {
                missing.add(role);
            }
        }
        return new Verdict(day, regime, riskOff, tier, action, exposure, List.copyOf(drivers), missing,
                List.of(macro, leadership, crypto, correlation, execution));
    }

    private Step macro(AsOfColumns r, long cutoff, Facts f) {
        Rules.Macro m = rules.steps().macro();
        double y0 = r.value(Plan.raw(m.yieldRole()), cutoff);
        double yn = r.value(Plan.raw(m.yieldRole()), cutoff, m.days());
        double bp = (y0 - yn) * 100;
        double dollar = r.value(Plan.MACRO_DOLLAR, cutoff) * 100;
        f.yieldAdverse = bp >= m.yieldJumpBp();
        f.dollarAdverse = dollar >= m.dollarRisePct();
        List<Evidence> ev = List.of(
                new Evidence(m.yieldRole(), "change-bp(" + m.days() + ")", num(bp), m.yieldJumpBp(),
                        "10Y up " + m.yieldJumpBp() + " bp or more in " + m.days() + " bars is adverse"),
                new Evidence(m.dollarRole(), "simple-return-pct(" + m.days() + ")", num(dollar), m.dollarRisePct(),
                        "dollar up " + m.dollarRisePct() + "% or more in " + m.days() + " bars is adverse"));
        if (Double.isNaN(bp) && Double.isNaN(dollar)) {
            return new Step("macro", Status.UNKNOWN, "no yield or dollar data", ev);
        }
        int adverse = (f.yieldAdverse ? 1 : 0) + (f.dollarAdverse ? 1 : 0);
        String partial = Double.isNaN(bp) ? " (no yield data)" : Double.isNaN(dollar) ? " (no dollar data)" : "";
        return switch (adverse) {
            case 2 -> new Step("macro", Status.RED, "yields jump and the dollar strengthens together: risk budget"
                    + " shrinking", ev);
            case 1 -> new Step("macro", Status.AMBER, (f.yieldAdverse ? "yields jump" : "the dollar strengthens")
                    + " alone: watch the other" + partial, ev);
            default -> new Step("macro", Status.GREEN, "no rates or dollar pressure" + partial, ev);
        };
    }

    private Step leadership(AsOfColumns r, long cutoff, Facts f) {
        Rules.Leadership l = rules.steps().leadership();
        double ratio = r.value(Plan.LEAD_RATIO, cutoff);
        double avg = r.value(Plan.LEAD_RATIO_AVG, cutoff);
        double limit = avg * (1 - l.ratioBreakPct() / 100);
        double index = r.value(Plan.raw(plan.index()), cutoff);
        double trend = r.value(Plan.LEAD_INDEX_TREND, cutoff);
        f.leadershipBreak = ratio < limit;
        boolean indexBreak = index < trend;
        String pair = plan.basket() + "/" + plan.index();
        List<Evidence> ev = List.of(
                new Evidence(pair, "leadership-ratio", num(ratio), num(limit), "ratio more than " + l.ratioBreakPct()
                        + "% below its " + l.ratioAverageDays() + "-bar average is a leadership break"),
                new Evidence(plan.index(), "sma(" + l.indexTrendDays() + ")", num(index), num(trend),
                        "index below its " + l.indexTrendDays() + "-bar average is an index break"));
        if (Double.isNaN(ratio - avg) && Double.isNaN(index - trend)) {
            return new Step("leadership", Status.UNKNOWN, "no leadership or index data", ev);
        }
        if (f.leadershipBreak && indexBreak) {
            return new Step("leadership", Status.RED, "leadership and the index both break", ev);
        }
        if (f.leadershipBreak) {
            return new Step("leadership", Status.AMBER, "leadership breaks while the index holds: expect delayed"
                    + " index weakness", ev);
        }
        if (indexBreak) {
            return new Step("leadership", Status.AMBER, "the index is below its trend while leadership holds", ev);
        }
        return new Step("leadership", Status.GREEN, "leadership and the index hold", ev);
    }

    private Step crypto(AsOfColumns r, long cutoff, Facts f) {
        Rules.Crypto c = rules.steps().crypto();
        double ret = r.value(Plan.CRYPTO_RETURN, cutoff) * 100;
        double dd = r.value(Plan.CRYPTO_DRAWDOWN, cutoff) * 100;
        double vol = r.value(Plan.CRYPTO_VOL, cutoff);
        double volBase = r.value(Plan.CRYPTO_VOL_BASE, cutoff);
        double liq = r.value(Plan.CRYPTO_LIQ, cutoff);
        double liqBase = r.value(Plan.CRYPTO_LIQ_BASE, cutoff);
        double funding = r.value(Plan.raw(c.fundingRole()), cutoff);
        double oiDiv = r.value(Plan.CRYPTO_OI_DIVERGENCE, cutoff);
        boolean falling = ret < 0;
        boolean volRising = vol > 0 && vol >= volBase * c.volRiseRatio();
        f.liquidationsRising = liq > 0 && liq >= liqBase * c.liquidationRiseRatio();
        f.cryptoFalling = falling;
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence(c.priceRole(), "simple-return-pct(" + c.priceDays() + ")", num(ret), 0.0,
                "a negative " + c.priceDays() + "-bar return is a falling price"));
        ev.add(new Evidence(c.priceRole(), "drawdown-pct(" + c.drawdownWindow() + ")", num(dd), c.drawdownRedPct(),
                "drawdown from the " + c.drawdownWindow() + "-bar high: " + c.drawdownAmberPct() + "% amber, "
                        + c.drawdownRedPct() + "% red with volatility rising"));
        ev.add(new Evidence(c.priceRole(), "realized-vol(" + c.volWindow() + ")", num(vol), num(volBase
                * c.volRiseRatio()), "volatility rising: " + c.volWindow() + "-bar vol at least " + c.volRiseRatio()
                        + "x the " + c.volBaseWindow() + "-bar vol"));
        List<String> absent = new ArrayList<>();
        if (Double.isNaN(liq) || Double.isNaN(liqBase)) {
            absent.add(c.liquidationsRole());
            ev.add(new Evidence(c.liquidationsRole(), "sma(" + c.liquidationDays() + ")", null, null,
                    "missing: judged from price drawdown and volatility instead"));
        } else {
            ev.add(new Evidence(c.liquidationsRole(), "sma(" + c.liquidationDays() + ")", liq, liqBase
                    * c.liquidationRiseRatio(), "liquidations rising: at least " + c.liquidationRiseRatio() + "x the "
                            + c.liquidationBaseDays() + "-bar average"));
        }
        if (Double.isNaN(funding)) {
            absent.add(c.fundingRole());
            ev.add(new Evidence(c.fundingRole(), "level", null, c.fundingCrowded(), "missing"));
        } else {
            ev.add(new Evidence(c.fundingRole(), "level", funding, c.fundingCrowded(),
                    "funding at or above the threshold into a falling price: crowded longs"));
        }
        if (Double.isNaN(oiDiv)) {
            absent.add(c.oiRole());
            ev.add(new Evidence(c.oiRole(), "oi-price-divergence(" + c.oiPeriods() + ")", null, 1.0, "missing"));
        } else {
            ev.add(new Evidence(c.oiRole(), "oi-price-divergence(" + c.oiPeriods() + ")", oiDiv, 1.0,
                    "+1: open interest expanding into a falling price"));
        }
        String without = absent.isEmpty() ? "" : " (without " + String.join(", ", absent) + ")";
        if (Double.isNaN(ret) && Double.isNaN(dd)) {
            return new Step("crypto", Status.UNKNOWN, "no crypto price data" + without, ev);
        }
        if (f.liquidationsRising && falling) {
            return new Step("crypto", Status.RED, "rising liquidations into a falling price: mechanical downside"
                    + " risk" + without, ev);
        }
        if (dd <= c.drawdownRedPct() && volRising) {
            return new Step("crypto", Status.RED, "deep drawdown with volatility rising: forced selling" + without,
                    ev);
        }
        if (dd <= c.drawdownAmberPct()) {
            return new Step("crypto", Status.AMBER, "in a drawdown" + without, ev);
        }
        if (falling && (funding >= c.fundingCrowded() || oiDiv > 0)) {
            return new Step("crypto", Status.AMBER, "leverage building into a falling price" + without, ev);
        }
        return new Step("crypto", Status.GREEN, "no structural stress" + without, ev);
    }

    private Step correlation(AsOfColumns r, long cutoff, Facts f) {
        Rules.Correlation k = rules.steps().correlation();
        f.equityReturn = r.value(Plan.CORR_EQUITY_RETURN, cutoff) * 100;
        f.cryptoReturn = r.value(Plan.CORR_CRYPTO_RETURN, cutoff) * 100;
        double vol = r.value(Plan.CORR_EQUITY_VOL, cutoff);
        double base = r.value(Plan.CORR_EQUITY_VOL_BASE, cutoff);
        f.vix = r.value(Plan.raw(k.vixRole()), cutoff);
        f.rho = r.value(Plan.CORR_RHO, cutoff);
        f.equityDown = f.equityReturn <= k.equityDownPct();
        f.cryptoDown = f.cryptoReturn <= k.cryptoDownPct();
        f.equityVolRising = vol > 0 && vol >= base * k.volRiseRatio();
        List<Evidence> ev = List.of(
                new Evidence(k.equityRole(), "simple-return-pct(" + k.equityTrendDays() + ")", num(f.equityReturn),
                        k.equityDownPct(), "equity trend down at or below the threshold"),
                new Evidence(k.cryptoRole(), "simple-return-pct(" + k.cryptoTrendDays() + ")", num(f.cryptoReturn),
                        k.cryptoDownPct(), "crypto trend down at or below the threshold"),
                new Evidence(k.equityRole(), "realized-vol(" + k.volWindow() + ")", num(vol), num(base
                        * k.volRiseRatio()), "vol rising: at least " + k.volRiseRatio() + "x the "
                                + k.volBaseWindow() + "-bar vol"),
                new Evidence(k.vixRole(), "level", num(f.vix), k.vixHigh(), "VIX at or above the threshold is"
                        + " stress"),
                new Evidence(k.equityRole() + "/" + k.cryptoRole(), "correlation(" + k.correlationWindow() + ")",
                        num(f.rho), k.correlationHigh(), "correlation at or above the threshold: one global risk"
                                + " book"));
        if (Double.isNaN(f.equityReturn) || Double.isNaN(f.cryptoReturn)) {
            return new Step("correlation", Status.UNKNOWN, "no equity or crypto trend", ev);
        }
        boolean stress = f.equityVolRising || f.vix >= k.vixHigh();
        if (f.equityDown && f.cryptoDown && stress) {
            return new Step("correlation", Status.RED, "both down and vol rising: don't fight it, trade smaller", ev);
        }
        if (f.equityDown && f.cryptoDown) {
            return new Step("correlation", Status.AMBER, "equities and crypto both trend down", ev);
        }
        if ((f.equityDown || f.cryptoDown) && f.equityVolRising && f.rho >= k.correlationHigh()) {
            return new Step("correlation", Status.AMBER, "correlation compressing with vol rising", ev);
        }
        return new Step("correlation", Status.GREEN, "no joint downtrend", ev);
    }

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
