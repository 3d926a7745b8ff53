package io.tideline.regime;

import io.tideline.support.series.Availability;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns readings at a decision time into the five steps, the regime, tier and action, following
 * the rules. It fails closed: a step whose required inputs are missing or stale is UNKNOWN unless
 * what it does have is adverse on its own (an alarm is never thrown away, a calm is never
 * assumed), and with fewer than {@value #MIN_KNOWN_STEPS} of the four judging steps known the
 * verdict is INSUFFICIENT_DATA with action UNKNOWN. Pure and immutable: the same readings and
 * decision time give the same verdict.
 */
final class Judge {

    /** Known judging steps below this many make the verdict INSUFFICIENT_DATA. */
    static final int MIN_KNOWN_STEPS = 3;

    private static final long DAY = Availability.DAY;

    private final Rules rules;
    private final Plan plan;
    /** Whether the compression warning's inputs are bound: asked once, not on every day judged. */
    private final boolean compressionWarning;

    Judge(Rules rules, Plan plan) {
        this.rules = rules;
        this.plan = plan;
        this.compressionWarning = plan.has(Plan.CORR_COMPRESSION);
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
        double ewmaRho = Double.NaN;
        boolean cryptoFalling;
        double equitySigma = Double.NaN;
        double cryptoSigma = Double.NaN;
        double compression = Double.NaN;
    }

    /** The readings at one decision time, with the observation day and age of each value. */
    private record At(Readings r, long cutoff) {

        double value(String node) {
            return r.value(node, cutoff);
        }

        double value(String node, int lag) {
            return r.value(node, cutoff, lag);
        }

        /** Evidence of a reading from {@code node}, with the day and age of the value behind it. */
        Evidence ev(String role, String indicator, String node, double value, Double threshold, String rule) {
            long t = r.observed(node, cutoff);
            if (t == Long.MIN_VALUE) {
                return new Evidence(role, indicator, num(value), threshold, rule, null, null);
            }
            long obsDay = Math.floorDiv(t, DAY);
            int age = (int) (Math.floorDiv(cutoff, DAY) - obsDay);
            String why = r.stale(node, cutoff) ? "stale: last value observed " + day(obsDay) + ", older than the "
                    + r.maxAgeDays(node) + "-day limit; " + rule : rule;
            return new Evidence(role, indicator, num(value), threshold, why, day(obsDay), age);
        }

        /**
         * Why a role gives no value: unbound, nothing available yet, stale since its last
         * observation, or too short a history for the indicator.
         */
        String why(String role, boolean bound) {
            String raw = Plan.raw(role);
            if (!bound) {
                return role + " unbound";
            }
            long t = r.observed(raw, cutoff);
            if (t == Long.MIN_VALUE) {
                return role + " has no data available yet";
            }
            if (r.stale(raw, cutoff)) {
                return role + " stale since " + day(Math.floorDiv(t, DAY)) + " (limit " + r.maxAgeDays(raw) + " days)";
            }
            return role + " has too little history";
        }
    }

    /**
     * The verdict of {@code day} taken at {@code cutoff} (its decision time, epoch ms UTC), from
     * the values available then.
     */
    Verdict judge(String day, long cutoff, Readings readings) {
        At r = new At(readings, cutoff);
        Facts f = new Facts();
        Step macro = macro(r, f);
        Step leadership = leadership(r, f);
        Step crypto = crypto(r, f);
        Step correlation = correlation(r, f);
        Rules.RegimeRules g = rules.regime();
        List<Step> judging = List.of(macro, leadership, crypto, correlation);

        int score = 0;
        int known = 0;
        for (Step s : judging) {
            score += s.status() == Status.RED ? g.redPoints() : s.status() == Status.AMBER ? g.amberPoints() : 0;
            known += s.status() == Status.UNKNOWN ? 0 : 1;
        }
        double coverage = known / (double) judging.size();
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
        // An equity selloff is a risk-off whatever crypto does: the index's month-long trend down,
        // under volatility stress, with the index under its trend or leadership breaking (Q4 2018,
        // BTC flat while the S&P 500 fell 20%). The fast one-week trend alone does not make one.
        boolean equitySelloff = f.equityReturn <= rules.steps().correlation().equityDownPct() && stress
                && (leadership.status() == Status.AMBER || leadership.status() == Status.RED);
        boolean equityHolds = f.equityReturn > g.equityHoldPct() && leadership.status() != Status.RED;
        boolean cryptoWeak = crypto.status() == Status.AMBER || crypto.status() == Status.RED;
        boolean sufficient = known >= MIN_KNOWN_STEPS;
        Regime regime;
        if (!sufficient) {
            regime = Regime.INSUFFICIENT_DATA;
        } else if (crossDown && stress && f.dollarAdverse) {
            regime = Regime.LIQUIDITY_SHOCK;
        } else if (crossDown && stress || f.vix >= g.vixShock() || equitySelloff) {
            regime = Regime.VOLATILITY_EVENT;
        } else if (cryptoWeak && equityHolds && !crossDown && f.cryptoReturn < 0) {
            regime = Regime.CRYPTO_SPECIFIC;
        } else if (crossDown || leadership.status() == Status.RED || tier >= g.riskOffMinTier() && f.equityDown) {
            regime = Regime.TREND_BREAK;
        } else if (score == 0 && known == judging.size() && f.equityReturn > 0 && f.cryptoReturn > 0) {
            regime = Regime.RISK_ON;
        } else {
            regime = Regime.NORMAL;
        }
        boolean riskOff = (regime == Regime.LIQUIDITY_SHOCK || regime == Regime.VOLATILITY_EVENT
                || regime == Regime.TREND_BREAK) && (crossDown || tier >= g.riskOffMinTier() || equitySelloff);

        Action action = sufficient ? action(rules, regime, riskOff, tier) : Action.UNKNOWN;

        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (String role : plan.roles()) {
            if (Double.isNaN(r.value(Plan.raw(role)))) {
                missing.add(role);
                if (readings.stale(Plan.raw(role), cutoff)) {
                    stale.add(role);
                }
            }
        }

        Rules.Execution e = rules.steps().execution();
        double vte = r.value(Plan.EXEC_EXPOSURE);
        double riskOffVte = r.value(Plan.EXEC_RISK_OFF_EXPOSURE);
        double suggested = riskOff ? riskOffVte : vte;
        Double exposure = Double.isNaN(suggested) || !sufficient ? null : suggested;
        String equity = rules.steps().correlation().equityRole();
        List<Evidence> ev = new ArrayList<>();
        ev.add(r.ev(equity, "vol-target-exposure(" + e.volWindow() + ")", Plan.EXEC_EXPOSURE, vte, e.targetVol(),
                "exposure = min(target vol / realized vol, " + e.maxLeverage() + "x)" + (riskOff ? "" : ", suggested")));
        ev.add(r.ev(equity, "vol-target-exposure(" + e.volWindow() + ")", Plan.EXEC_RISK_OFF_EXPOSURE, riskOffVte,
                e.riskOffTargetVol(), "in a risk-off: exposure = min(risk-off target vol / realized vol, "
                        + e.maxLeverage() + "x)" + (riskOff ? ", suggested" : "")));
        Status execStatus = switch (action) {
            case HEDGE, REDUCE -> Status.RED;
            case WAIT -> Status.AMBER;
            case NONE -> Status.GREEN;
            case UNKNOWN -> Status.UNKNOWN;
        };
        String exp = exposure == null ? "no exposure suggestion (" + (sufficient ? "no " + equity + " data" : "no"
                + " verdict") + ")" : String.format(Locale.ROOT, "suggested exposure %.2fx", exposure);
        String execSummary = switch (action) {
            case HEDGE -> "HEDGE: cross-asset risk-off, protect the book; " + exp;
            case REDUCE -> "REDUCE: trade smaller; " + exp;
            case WAIT -> "WAIT: no new risk, no revenge entries; " + exp;
            case NONE -> "NONE: no action; " + exp;
            case UNKNOWN -> String.format(Locale.ROOT, "UNKNOWN: only %d of 4 judging steps known (coverage %.0f%%),"
                    + " no verdict; %s", known, coverage * 100, exp);
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
        if (equitySelloff && !crossDown) {
            drivers.add("equity selloff (crypto not falling with it)");
        }
        if (f.liquidationsRising && f.cryptoFalling) {
            drivers.add("liquidation cascade");
        } else if (crypto.status() == Status.RED) {
            drivers.add("crypto deleveraging");
        }
        Rules.Correlation k = rules.steps().correlation();
        if (crossDown && f.rho >= k.correlationHigh()) {
            drivers.add("correlation compression");
        } else if (f.ewmaRho >= k.correlationHigh() && f.cryptoSigma <= k.fastCryptoSigma() && f.equitySigma < 0) {
            // before a joint downtrend is confirmed: crypto falls fast, equities dip, and the two move as one
            drivers.add("correlation compressing (early warning)");
        }
        if (f.compression >= k.compressionWarning().minConditions()) {
            // a driver only: the conditions that typically precede a correlation spike are lining up
            drivers.add(String.format(Locale.ROOT, "correlation compression warning: %.0f of 4 conditions",
                    f.compression));
        }
        String decision = Instant.ofEpochMilli(cutoff).atOffset(ZoneOffset.UTC).toString();
        return new Verdict(day, regime, riskOff, tier, action, exposure, List.copyOf(drivers), missing,
                List.of(macro, leadership, crypto, correlation, execution), coverage, stale,
                decision.endsWith("Z") ? decision : decision.replace("+00:00", "Z"));
    }

    /**
     * The exposure a risk-off suggests at {@code cutoff}: the risk-off volatility target
     * ({@code steps.execution.riskOffTargetVol}) over the index's realized volatility; NaN without
     * index data. A held day suggests it too.
     */
    double riskOffExposure(long cutoff, Readings readings) {
        return readings.value(Plan.EXEC_RISK_OFF_EXPOSURE, cutoff);
    }

    /**
     * The action of a judged day: HEDGE for a risk-off at {@code hedgeMinTier} or above; REDUCE
     * for any other risk-off (a cross-asset risk-off always means trading smaller, whatever the
     * tier) and for CRYPTO_SPECIFIC at {@code reduceMinTier}; WAIT from {@code waitMinTier} or for
     * CRYPTO_SPECIFIC; else NONE.
     */
    static Action action(Rules rules, Regime regime, boolean riskOff, int tier) {
        Rules.RegimeRules g = rules.regime();
        if (regime == Regime.INSUFFICIENT_DATA) {
            return Action.UNKNOWN;
        }
        if (tier >= g.hedgeMinTier() && riskOff) {
            return Action.HEDGE;
        }
        if (riskOff || tier >= g.reduceMinTier() && regime == Regime.CRYPTO_SPECIFIC) {
            return Action.REDUCE;
        }
        if (tier >= g.waitMinTier() || regime == Regime.CRYPTO_SPECIFIC) {
            return Action.WAIT;
        }
        return Action.NONE;
    }

    /**
     * Whether the market has normalised enough to leave a risk-off: the correlation step of
     * {@code judged} is green (no joint downtrend), the equity index is back at or above its
     * trend average (the index alone, so that a workspace without a leadership basket can leave
     * a risk-off too), and volatility is back to normal: VIX under {@code vixHigh} where VIX is
     * known (implied volatility looks forward and ignores up days), else the equity index's short
     * realized volatility at most {@code exitVolRatio} times its base. An unknown volatility is
     * not normal.
     */
    boolean normalised(Verdict judged, long cutoff, Readings readings) {
        Rules.Correlation k = rules.steps().correlation();
        double index = readings.value(Plan.raw(plan.index()), cutoff);
        double trend = readings.value(Plan.LEAD_INDEX_TREND, cutoff);
        if (judged.step("correlation").status() != Status.GREEN || !(index >= trend)) {
            return false;
        }
        double vix = readings.value(Plan.raw(k.vixRole()), cutoff);
        if (!Double.isNaN(vix)) {
            return vix < k.vixHigh();
        }
        double vol = readings.value(Plan.CORR_EQUITY_VOL, cutoff);
        double base = readings.value(Plan.CORR_EQUITY_VOL_BASE, cutoff);
        return vol <= base * rules.regime().exitVolRatio();
    }

    /** An UNKNOWN step naming every reason its required inputs give no value. */
    private static Step unknown(String id, List<String> reasons, List<Evidence> ev) {
        return new Step(id, Status.UNKNOWN, "cannot judge: " + String.join("; ", reasons), ev);
    }

    private Step macro(At r, Facts f) {
        Rules.Macro m = rules.steps().macro();
        String yield = Plan.raw(m.yieldRole());
        double y0 = r.value(yield);
        double yn = r.value(yield, m.days());
        double bp = (y0 - yn) * 100;
        double dollar = r.value(Plan.MACRO_DOLLAR) * 100;
        f.yieldAdverse = bp >= m.yieldJumpBp();
        f.dollarAdverse = dollar >= m.dollarRisePct();
        List<Evidence> ev = List.of(
                r.ev(m.yieldRole(), "change-bp(" + m.days() + ")", yield, bp, m.yieldJumpBp(),
                        "10Y up " + m.yieldJumpBp() + " bp or more in " + m.days() + " bars is adverse"),
                r.ev(m.dollarRole(), "simple-return-pct(" + m.days() + ")", Plan.MACRO_DOLLAR, dollar,
                        m.dollarRisePct(), "dollar up " + m.dollarRisePct() + "% or more in " + m.days()
                                + " bars is adverse"));
        List<String> lacking = new ArrayList<>();
        if (Double.isNaN(bp)) {
            lacking.add(r.why(m.yieldRole(), plan.bound(m.yieldRole())));
        }
        if (Double.isNaN(dollar)) {
            lacking.add(r.why(m.dollarRole(), plan.bound(m.dollarRole())));
        }
        int adverse = (f.yieldAdverse ? 1 : 0) + (f.dollarAdverse ? 1 : 0);
        if (adverse == 2) {
            return new Step("macro", Status.RED, "yields jump and the dollar strengthens together: risk budget"
                    + " shrinking", ev);
        }
        if (adverse == 1) {
            String partial = lacking.isEmpty() ? "" : " (" + String.join("; ", lacking) + ")";
            return new Step("macro", Status.AMBER, (f.yieldAdverse ? "yields jump" : "the dollar strengthens")
                    + " alone: watch the other" + partial, ev);
        }
        if (!lacking.isEmpty()) {
            return unknown("macro", lacking, ev);
        }
        return new Step("macro", Status.GREEN, "no rates or dollar pressure", ev);
    }

    private Step leadership(At r, Facts f) {
        Rules.Leadership l = rules.steps().leadership();
        double ratio = r.value(Plan.LEAD_RATIO);
        double avg = r.value(Plan.LEAD_RATIO_AVG);
        double limit = avg * (1 - l.ratioBreakPct() / 100);
        double index = r.value(Plan.raw(plan.index()));
        double trend = r.value(Plan.LEAD_INDEX_TREND);
        f.leadershipBreak = ratio < limit;
        boolean indexBreak = index < trend;
        String pair = plan.basket() + "/" + plan.index();
        List<Evidence> ev = List.of(
                r.ev(pair, "leadership-ratio", Plan.LEAD_RATIO, ratio, num(limit), "ratio more than "
                        + l.ratioBreakPct() + "% below its " + l.ratioAverageDays() + "-bar average is a leadership"
                        + " break"),
                r.ev(plan.index(), "sma(" + l.indexTrendDays() + ")", Plan.raw(plan.index()), index, num(trend),
                        "index below its " + l.indexTrendDays() + "-bar average is an index break"));
        List<String> lacking = new ArrayList<>();
        if (Double.isNaN(ratio - limit)) {
            lacking.add(Double.isNaN(r.value(Plan.raw(plan.basket()))) ? r.why(plan.basket(),
                    plan.bound(plan.basket())) : r.why(plan.index(), plan.bound(plan.index())));
        }
        if (Double.isNaN(index - trend)) {
            lacking.add(r.why(plan.index(), plan.bound(plan.index())));
        }
        lacking = lacking.stream().distinct().toList();
        if (f.leadershipBreak && indexBreak) {
            return new Step("leadership", Status.RED, "leadership and the index both break", ev);
        }
        if (f.leadershipBreak) {
            return new Step("leadership", Status.AMBER, "leadership breaks while the index holds: expect delayed"
                    + " index weakness" + (lacking.isEmpty() ? "" : " (" + String.join("; ", lacking) + ")"), ev);
        }
        if (indexBreak) {
            return new Step("leadership", Status.AMBER, "the index is below its trend while leadership holds"
                    + (lacking.isEmpty() ? "" : " (" + String.join("; ", lacking) + ")"), ev);
        }
        if (!lacking.isEmpty()) {
            return unknown("leadership", lacking, ev);
        }
        return new Step("leadership", Status.GREEN, "leadership and the index hold", ev);
    }

    private Step crypto(At r, Facts f) {
        Rules.Crypto c = rules.steps().crypto();
        double ret = r.value(Plan.CRYPTO_RETURN) * 100;
        double dd = r.value(Plan.CRYPTO_DRAWDOWN) * 100;
        double vol = r.value(Plan.CRYPTO_VOL);
        double volBase = r.value(Plan.CRYPTO_VOL_BASE);
        double liq = r.value(Plan.CRYPTO_LIQ);
        double liqBase = r.value(Plan.CRYPTO_LIQ_BASE);
        double funding = r.value(Plan.raw(c.fundingRole()));
        double oiDiv = r.value(Plan.CRYPTO_OI_DIVERGENCE);
        boolean falling = ret < 0;
        boolean volRising = vol > 0 && vol >= volBase * c.volRiseRatio();
        f.liquidationsRising = liq > 0 && liq >= liqBase * c.liquidationRiseRatio();
        f.cryptoFalling = falling;
        List<Evidence> ev = new ArrayList<>();
        ev.add(r.ev(c.priceRole(), "simple-return-pct(" + c.priceDays() + ")", Plan.CRYPTO_RETURN, ret, 0.0,
                "a negative " + c.priceDays() + "-bar return is a falling price"));
        ev.add(r.ev(c.priceRole(), "drawdown-pct(" + c.drawdownWindow() + ")", Plan.CRYPTO_DRAWDOWN, dd,
                c.drawdownRedPct(), "drawdown from the " + c.drawdownWindow() + "-bar high: " + c.drawdownAmberPct()
                        + "% amber, " + c.drawdownRedPct() + "% red with volatility rising"));
        ev.add(r.ev(c.priceRole(), "realized-vol(" + c.volWindow() + ")", Plan.CRYPTO_VOL, vol,
                num(volBase * c.volRiseRatio()), "volatility rising: " + c.volWindow() + "-bar vol at least "
                        + c.volRiseRatio() + "x the " + c.volBaseWindow() + "-bar vol"));
        List<String> absent = new ArrayList<>();
        if (Double.isNaN(liq) || Double.isNaN(liqBase)) {
            absent.add(c.liquidationsRole());
            ev.add(r.ev(c.liquidationsRole(), "sma(" + c.liquidationDays() + ")", Plan.CRYPTO_LIQ, Double.NaN, null,
                    "missing: judged from price drawdown and volatility instead"));
        } else {
            ev.add(r.ev(c.liquidationsRole(), "sma(" + c.liquidationDays() + ")", Plan.CRYPTO_LIQ, liq,
                    liqBase * c.liquidationRiseRatio(), "liquidations rising: at least " + c.liquidationRiseRatio()
                            + "x the " + c.liquidationBaseDays() + "-bar average"));
        }
        if (Double.isNaN(funding)) {
            absent.add(c.fundingRole());
            ev.add(r.ev(c.fundingRole(), "level", Plan.raw(c.fundingRole()), Double.NaN, c.fundingCrowded(),
                    "missing"));
        } else {
            ev.add(r.ev(c.fundingRole(), "level", Plan.raw(c.fundingRole()), funding, c.fundingCrowded(),
                    "funding at or above the threshold into a falling price: crowded longs"));
        }
        if (Double.isNaN(oiDiv)) {
            absent.add(c.oiRole());
            ev.add(r.ev(c.oiRole(), "oi-price-divergence(" + c.oiPeriods() + ")", Plan.CRYPTO_OI_DIVERGENCE,
                    Double.NaN, 1.0, "missing"));
        } else {
            ev.add(r.ev(c.oiRole(), "oi-price-divergence(" + c.oiPeriods() + ")", Plan.CRYPTO_OI_DIVERGENCE, oiDiv,
                    1.0, "+1: open interest expanding into a falling price"));
        }
        String without = absent.isEmpty() ? "" : " (without " + String.join(", ", absent) + ")";
        if (Double.isNaN(ret) && Double.isNaN(dd)) {
            return unknown("crypto", List.of(r.why(c.priceRole(), plan.bound(c.priceRole()))), ev);
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
        if (Double.isNaN(ret) || Double.isNaN(dd)) {
            // one of return and drawdown lacks history: not enough to call it calm
            return unknown("crypto", List.of(r.why(c.priceRole(), plan.bound(c.priceRole()))), ev);
        }
        return new Step("crypto", Status.GREEN, "no structural stress" + without, ev);
    }

    private Step correlation(At r, Facts f) {
        Rules.Correlation k = rules.steps().correlation();
        f.equityReturn = r.value(Plan.CORR_EQUITY_RETURN) * 100;
        f.cryptoReturn = r.value(Plan.CORR_CRYPTO_RETURN) * 100;
        double vol = r.value(Plan.CORR_EQUITY_VOL);
        double base = r.value(Plan.CORR_EQUITY_VOL_BASE);
        f.vix = r.value(Plan.raw(k.vixRole()));
        f.rho = r.value(Plan.CORR_RHO);
        f.ewmaRho = r.value(Plan.CORR_EWMA_RHO);
        double beta = r.value(Plan.CORR_EWMA_BETA);
        f.equitySigma = r.value(Plan.CORR_EQUITY_FAST);
        f.cryptoSigma = r.value(Plan.CORR_CRYPTO_FAST);
        boolean equityFast = f.equitySigma <= k.fastEquitySigma();
        boolean cryptoFast = f.cryptoSigma <= k.fastCryptoSigma();
        boolean dailyDown = (f.equityReturn <= k.equityDownPct() || equityFast)
                && (f.cryptoReturn <= k.cryptoDownPct() || cryptoFast);
        Intraday in = intraday(r);
        // the intraday bars can confirm a joint downtrend the daily bars do not show yet; they never
        // clear one the daily bars show (a bounce on an hourly chart does not mend a broken month)
        f.equityDown = f.equityReturn <= k.equityDownPct() || equityFast || in.down();
        f.cryptoDown = f.cryptoReturn <= k.cryptoDownPct() || cryptoFast || in.down();
        f.equityVolRising = vol > 0 && vol >= base * k.volRiseRatio();
        f.compression = r.value(Plan.CORR_COMPRESSION);
        String sigma = "return-sigma(%d," + k.fastVolWindow() + ")";
        List<Evidence> ev = new ArrayList<>(List.of(
                r.ev(k.equityRole(), String.format(Locale.ROOT, sigma, k.fastEquityDays()), Plan.CORR_EQUITY_FAST,
                        f.equitySigma, k.fastEquitySigma(), "fast: the " + k.fastEquityDays() + "-bar return in"
                                + " units of the volatility before it, at or below the threshold is a trend down"),
                r.ev(k.cryptoRole(), String.format(Locale.ROOT, sigma, k.fastCryptoDays()), Plan.CORR_CRYPTO_FAST,
                        f.cryptoSigma, k.fastCryptoSigma(), "fast: the " + k.fastCryptoDays() + "-bar return in"
                                + " units of the volatility before it, at or below the threshold is a trend down"),
                r.ev(k.equityRole(), "simple-return-pct(" + k.equityTrendDays() + ")", Plan.CORR_EQUITY_RETURN,
                        f.equityReturn, k.equityDownPct(), "equity trend down at or below the threshold"),
                r.ev(k.cryptoRole(), "simple-return-pct(" + k.cryptoTrendDays() + ")", Plan.CORR_CRYPTO_RETURN,
                        f.cryptoReturn, k.cryptoDownPct(), "crypto trend down at or below the threshold"),
                r.ev(k.equityRole(), "realized-vol(" + k.volWindow() + ")", Plan.CORR_EQUITY_VOL, vol,
                        num(base * k.volRiseRatio()), "vol rising: at least " + k.volRiseRatio() + "x the "
                                + k.volBaseWindow() + "-bar vol"),
                r.ev(k.vixRole(), "level", Plan.raw(k.vixRole()), f.vix, k.vixHigh(), "VIX at or above the"
                        + " threshold is stress"),
                r.ev(k.equityRole() + "/" + k.cryptoRole(), "correlation(" + k.correlationWindow() + ")",
                        Plan.CORR_RHO, f.rho, k.correlationHigh(), "correlation at or above the threshold: one"
                                + " global risk book"),
                r.ev(k.equityRole() + "/" + k.cryptoRole(), "ewma-correlation(0.94)", Plan.CORR_EWMA_RHO, f.ewmaRho,
                        k.correlationHigh(), "fast correlation (RiskMetrics decay, half-life about 11 bars) at or"
                                + " above the threshold while crypto falls fast and equities dip: early warning"
                                + " of correlation compression"),
                r.ev(k.cryptoRole() + "/" + k.equityRole(), "ewma-beta(0.94)", Plan.CORR_EWMA_BETA, beta, null,
                        "how many % " + k.cryptoRole() + " moves per 1% of " + k.equityRole() + " lately")));
        ev.addAll(in.evidence());
        if (compressionWarning) {
            Rules.CompressionWarning w = k.compressionWarning();
            ev.add(r.ev(k.equityRole() + "/" + k.cryptoRole(), "compression-warning(" + w.window() + ","
                    + w.periods() + ")", Plan.CORR_COMPRESSION, f.compression, (double) w.minConditions(),
                    "early warning, a driver only: of equity volatility rising, the dollar up, yields stable or"
                            + " rising, open interest rising into a falling price (over " + w.periods()
                            + " bars), at least " + w.minConditions() + " hold"));
        }
        String onIntraday = in.down() && !dailyDown ? " (joint downtrend confirmed on " + plan.intraday().label()
                + " bars)" : "";
        List<String> lacking = new ArrayList<>();
        if (Double.isNaN(f.equityReturn)) {
            lacking.add(r.why(k.equityRole(), plan.bound(k.equityRole())));
        }
        if (Double.isNaN(f.cryptoReturn)) {
            lacking.add(r.why(k.cryptoRole(), plan.bound(k.cryptoRole())));
        }
        if (!lacking.isEmpty()) {
            return unknown("correlation", lacking, ev);
        }
        boolean stress = f.equityVolRising || f.vix >= k.vixHigh();
        if (f.equityDown && f.cryptoDown && stress) {
            return new Step("correlation", Status.RED, "both down and vol rising: don't fight it, trade smaller"
                    + onIntraday, ev);
        }
        if (f.equityDown && f.cryptoDown) {
            return new Step("correlation", Status.AMBER, "equities and crypto both trend down" + onIntraday, ev);
        }
        if ((f.equityDown || f.cryptoDown) && f.equityVolRising && f.rho >= k.correlationHigh()) {
            return new Step("correlation", Status.AMBER, "correlation compressing with vol rising", ev);
        }
        return new Step("correlation", Status.GREEN, "no joint downtrend", ev);
    }

    /**
     * The intraday confirmation at the decision time.
     *
     * @param down whether it confirms a joint downtrend: both trend down on the intraday bars and
     *     move as one
     * @param evidence its readings, and which bars the step confirmed on or why it fell back
     */
    private record Intraday(boolean down, List<Evidence> evidence) {
    }

    /**
     * The joint-downtrend test on the intraday bars of the equity and crypto roles, when the plan
     * has them: each one's return over the last {@code trendBars} of its bars in units of its
     * volatility before, and the correlation of their common bars. Falls back to the daily bars,
     * saying why, when the roles are not both bound at 4h or shorter, or their intraday bars give
     * no reading at the decision time (none closed yet, stale, too short a history).
     */
    private Intraday intraday(At r) {
        Rules.Correlation k = rules.steps().correlation();
        String pair = k.equityRole() + "/" + k.cryptoRole();
        if (plan.intraday() == null) {
            return new Intraday(false, List.of(new Evidence(pair, "intraday-confirmation", null, null,
                    "fell back to daily bars: " + plan.fallback())));
        }
        Rules.Intraday in = k.intraday();
        String bars = plan.intraday().label();
        double equity = r.value(Plan.INTRA_EQUITY_SIGMA);
        double crypto = r.value(Plan.INTRA_CRYPTO_SIGMA);
        double rho = r.value(Plan.INTRA_RHO);
        String sigma = "return-sigma(" + in.trendBars() + "," + in.volWindow() + "," + bars + ")";
        String trend = "on " + bars + " bars: the last " + in.trendBars() + " bars' return in units of the"
                + " volatility of the " + in.volWindow() + " bars before, at or below the threshold is a trend down";
        List<Evidence> ev = new ArrayList<>(List.of(
                r.ev(k.equityRole(), sigma, Plan.INTRA_EQUITY_SIGMA, equity, in.equitySigma(), trend),
                r.ev(k.cryptoRole(), sigma, Plan.INTRA_CRYPTO_SIGMA, crypto, in.cryptoSigma(), trend),
                r.ev(pair, "correlation(" + in.correlationWindow() + "," + bars + ")", Plan.INTRA_RHO, rho,
                        in.correlationHigh(), "on " + bars + " bars: correlation of the last " + in.correlationWindow()
                                + " common bars' returns at or above the threshold: moving as one")));
        List<String> lacking = new ArrayList<>();
        for (String[] role : new String[][] {{k.equityRole(), Plan.INTRA_EQUITY}, {k.cryptoRole(), Plan.INTRA_CRYPTO}}) {
            long t = r.r().observed(role[1], r.cutoff());
            if (t == Long.MIN_VALUE) {
                lacking.add("no " + bars + " bar of " + role[0] + " closed by the decision time");
            } else if (r.r().stale(role[1], r.cutoff())) {
                lacking.add(role[0] + "'s " + bars + " bars stale since " + day(Math.floorDiv(t, DAY)) + " (limit "
                        + r.r().maxAgeDays(role[1]) + " days)");
            }
        }
        if (lacking.isEmpty() && Double.isNaN(equity + crypto + rho)) {
            lacking.add("too little " + bars + " history of " + k.equityRole() + " and " + k.cryptoRole());
        }
        if (!lacking.isEmpty()) {
            ev.add(new Evidence(pair, "intraday-confirmation", null, null, "fell back to daily bars: "
                    + String.join("; ", lacking)));
            return new Intraday(false, ev);
        }
        boolean down = equity <= in.equitySigma() && crypto <= in.cryptoSigma() && rho >= in.correlationHigh();
        ev.add(new Evidence(pair, "intraday-confirmation", null, null, "confirmed on " + bars + " bars: " + (down
                ? "joint downtrend, both trending down and moving as one" : "no joint downtrend on them")));
        return new Intraday(down, ev);
    }

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}
