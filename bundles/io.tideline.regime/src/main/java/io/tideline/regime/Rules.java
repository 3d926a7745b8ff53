package io.tideline.regime;

import io.tideline.support.series.Availability;
import static io.tideline.support.json.JsonValueException.real;
import static io.tideline.support.json.JsonValueException.role;
import static io.tideline.support.json.JsonValueException.whole;

import io.tideline.support.json.JsonValueException;
import java.util.List;

/**
 * Every threshold and window of the checklist, as loaded from {@code rules/default-rules.json}
 * or the workspace's override. Immutable; each record checks its ranges in its constructor (see
 * the bundle's README for why each default is what it is). Windows count daily bars (a role bound
 * to shorter bars is read as daily bars), except {@link Intraday}'s, which count bars of the
 * intraday confirmation.
 */
record Rules(int version, Steps steps, RegimeRules regime) {

    Rules {
        whole("version", version, 1, 1);
        require("steps", steps);
        require("regime", regime);
    }

    record Steps(Macro macro, Leadership leadership, Crypto crypto, Correlation correlation, Execution execution) {
        Steps {
            require("macro", macro);
            require("leadership", leadership);
            require("crypto", crypto);
            require("correlation", correlation);
            require("execution", execution);
        }
    }

    /** 10Y yield change in bp and dollar % change over {@code days} bars; adverse = both up. */
    record Macro(String yieldRole, String dollarRole, int days, double yieldJumpBp, double dollarRisePct) {
        Macro {
            role("yieldRole", yieldRole);
            role("dollarRole", dollarRole);
            whole("days", days, 1, 60);
            real("yieldJumpBp", yieldJumpBp, 1, 200);
            real("dollarRisePct", dollarRisePct, 0.1, 20);
        }
    }

    /**
     * The first bound basket against the first bound index: the ratio below its average by
     * {@code ratioBreakPct} is a leadership break; the index below its {@code indexTrendDays} SMA
     * is an index break.
     */
    record Leadership(List<String> baskets, List<String> indices, int ratioAverageDays, double ratioBreakPct,
            int indexTrendDays) {
        Leadership {
            baskets = roles("baskets", baskets);
            indices = roles("indices", indices);
            whole("ratioAverageDays", ratioAverageDays, 2, 500);
            real("ratioBreakPct", ratioBreakPct, 0, 50);
            whole("indexTrendDays", indexTrendDays, 2, 500);
        }
    }

    /**
     * Crypto structure: liquidations, funding and open interest when present, else price drawdown
     * and realized volatility.
     */
    record Crypto(String priceRole, String fundingRole, String oiRole, String liquidationsRole, int priceDays,
            int liquidationDays, int liquidationBaseDays, double liquidationRiseRatio, double fundingCrowded,
            int oiPeriods, int drawdownWindow, double drawdownAmberPct, double drawdownRedPct, int volWindow,
            int volBaseWindow, double volRiseRatio) {
        Crypto {
            role("priceRole", priceRole);
            role("fundingRole", fundingRole);
            role("oiRole", oiRole);
            role("liquidationsRole", liquidationsRole);
            whole("priceDays", priceDays, 1, 365);
            whole("liquidationDays", liquidationDays, 1, 60);
            whole("liquidationBaseDays", liquidationBaseDays, 2, 365);
            real("liquidationRiseRatio", liquidationRiseRatio, 1, 100);
            real("fundingCrowded", fundingCrowded, 0, 0.01);
            whole("oiPeriods", oiPeriods, 1, 365);
            whole("drawdownWindow", drawdownWindow, 2, 1000);
            real("drawdownAmberPct", drawdownAmberPct, -90, 0);
            real("drawdownRedPct", drawdownRedPct, -95, drawdownAmberPct);
            whole("volWindow", volWindow, 2, 365);
            whole("volBaseWindow", volBaseWindow, volWindow, 1000);
            real("volRiseRatio", volRiseRatio, 0.5, 10);
        }
    }

    /**
     * Equity index trend against the crypto trend, their rolling correlation and equity volatility.
     * Besides the month-long trends, a fast confirmation: each asset's return over
     * {@code fastEquityDays}/{@code fastCryptoDays} bars in units of its own volatility before the
     * move ({@code fastVolWindow}-bar realized volatility read {@code fast...Days} bars back), down
     * at or below {@code fastEquitySigma}/{@code fastCryptoSigma}, counts as that asset trending
     * down; thresholds in sigma hold across sources and volatility regimes. Where both roles are
     * bound to intraday bars, the {@code intraday} confirmation runs on them as well; the
     * {@code compressionWarning} is an early-warning driver only.
     */
    record Correlation(String equityRole, String cryptoRole, String vixRole, int equityTrendDays,
            int cryptoTrendDays, double equityDownPct, double cryptoDownPct, int correlationWindow,
            double correlationHigh, int volWindow, int volBaseWindow, double volRiseRatio, double vixHigh,
            int fastEquityDays, int fastCryptoDays, int fastVolWindow, double fastEquitySigma,
            double fastCryptoSigma, Intraday intraday, CompressionWarning compressionWarning) {
        Correlation {
            require("intraday", intraday);
            require("compressionWarning", compressionWarning);
            role("equityRole", equityRole);
            role("cryptoRole", cryptoRole);
            role("vixRole", vixRole);
            whole("equityTrendDays", equityTrendDays, 1, 250);
            whole("cryptoTrendDays", cryptoTrendDays, 1, 365);
            real("equityDownPct", equityDownPct, -50, 0);
            real("cryptoDownPct", cryptoDownPct, -80, 0);
            whole("correlationWindow", correlationWindow, 5, 500);
            real("correlationHigh", correlationHigh, -1, 1);
            whole("volWindow", volWindow, 2, 250);
            whole("volBaseWindow", volBaseWindow, volWindow, 1000);
            real("volRiseRatio", volRiseRatio, 0.5, 10);
            real("vixHigh", vixHigh, 5, 100);
            whole("fastEquityDays", fastEquityDays, 1, 60);
            whole("fastCryptoDays", fastCryptoDays, 1, 90);
            whole("fastVolWindow", fastVolWindow, 5, 500);
            real("fastEquitySigma", fastEquitySigma, -10, 0);
            real("fastCryptoSigma", fastCryptoSigma, -10, 0);
        }
    }

    /**
     * The joint-downtrend test on intraday bars, run when the correlation step's equity and crypto
     * roles are both bound to bars of 4h or shorter (on 4h bars when either is at 4h, else on 1h
     * bars). Each asset trends down when its return over its last {@code trendBars} bars, in units
     * of the volatility of the {@code volWindow} one-bar returns before them ({@code return-sigma}),
     * is at or below {@code equitySigma} / {@code cryptoSigma}; the two move as one when the
     * correlation of their common bars' returns over the last {@code correlationWindow} of them is
     * at or above {@code correlationHigh}. All three together are a joint downtrend confirmed on
     * those bars. Each bar is read once it has closed, by the verdict's decision time.
     */
    record Intraday(int trendBars, int volWindow, double equitySigma, double cryptoSigma, int correlationWindow,
            double correlationHigh) {
        Intraday {
            whole("trendBars", trendBars, 1, 500);
            whole("volWindow", volWindow, 5, 2000);
            real("equitySigma", equitySigma, -10, 0);
            real("cryptoSigma", cryptoSigma, -10, 0);
            whole("correlationWindow", correlationWindow, 5, 2000);
            real("correlationHigh", correlationHigh, -1, 1);
        }
    }

    /**
     * The correlation-compression warning as a driver: the indicator {@code compression-warning}
     * (equity volatility rising, the dollar up, yields stable or rising, perpetual open interest
     * rising into a falling crypto price, each over {@code periods} bars; equity volatility over
     * {@code window} bars) counts how many of its four conditions hold; at {@code minConditions} or
     * more the verdict names the driver. It needs the equity index, the dollar, the 10Y yield,
     * {@code btc.oi} and {@code btc} bound; it changes no step, tier or action.
     */
    record CompressionWarning(int window, int periods, int minConditions) {
        CompressionWarning {
            whole("window", window, 2, 500);
            whole("periods", periods, 1, 250);
            whole("minConditions", minConditions, 1, 4);
        }
    }

    /**
     * Volatility-targeting exposure of the equity index: {@code targetVol} over the
     * {@code volWindow}-bar realized volatility, at most {@code maxLeverage}; on a risk-off day
     * (fresh or held) the lower {@code riskOffTargetVol} instead. Scaling by the index's own
     * volatility, not capping by tier, means a risk-off trims in proportion to the risk it sees
     * and recovers as volatility falls.
     */
    record Execution(double targetVol, double riskOffTargetVol, double maxLeverage, int volWindow,
            double periodsPerYear) {
        Execution {
            real("targetVol", targetVol, 0.01, 2);
            // a risk-off never suggests more exposure than a calm day with the same volatility
            real("riskOffTargetVol", riskOffTargetVol, 0.001, targetVol);
            real("maxLeverage", maxLeverage, 0, 10);
            whole("volWindow", volWindow, 2, 500);
            real("periodsPerYear", periodsPerYear, 1, 1_000_000);
        }
    }

    /**
     * From steps to regime, tier and action: a step scores {@code amberPoints} or
     * {@code redPoints}; tier 2..5 start at the scores of {@code tierMinScores}; a VIX at
     * {@code vixShock} adds a tier. Inputs older than {@code maxStaleDays} count as missing. A
     * risk-off holds (hysteresis) until volatility and correlation normalise: the correlation step
     * green, the equity index's short volatility at most {@code exitVolRatio} times its base and
     * VIX under the correlation step's {@code vixHigh}; {@code holdDays} trading days after the
     * last fresh risk-off day at most (0 turns the hold off). Outside risk-off, a new regime label
     * is shown once the steps have given it {@code confirmDays} days in a row, and so is a milder
     * name inside a risk-off (entering risk-off, a graver name and a lack of data show at once). A
     * day's verdict is
     * taken at {@code decisionTimeUtc} (HH:MM, UTC) and reads only values available by then. The
     * staleness limits are per series ({@link Availability}); {@code maxStaleDays} bounds them all.
     */
    record RegimeRules(int amberPoints, int redPoints, List<Integer> tierMinScores, double vixShock,
            double equityHoldPct, int riskOffMinTier, int hedgeMinTier, int reduceMinTier, int waitMinTier,
            int maxStaleDays, int holdDays, double exitVolRatio, int confirmDays, String decisionTimeUtc) {
        RegimeRules {
            whole("amberPoints", amberPoints, 0, 10);
            whole("redPoints", redPoints, amberPoints, 20);
            if (tierMinScores == null || tierMinScores.size() != 4) {
                throw new JsonValueException("tierMinScores", "a list of 4 increasing whole numbers (tiers 2..5)",
                        tierMinScores);
            }
            for (int i = 0; i < 4; i++) {
                whole("tierMinScores[" + i + "]", tierMinScores.get(i), i == 0 ? 1 : tierMinScores.get(i - 1) + 1,
                        100);
            }
            tierMinScores = List.copyOf(tierMinScores);
            real("vixShock", vixShock, 5, 150);
            real("equityHoldPct", equityHoldPct, -50, 0);
            whole("riskOffMinTier", riskOffMinTier, 1, 5);
            whole("hedgeMinTier", hedgeMinTier, 1, 5);
            whole("reduceMinTier", reduceMinTier, 1, hedgeMinTier);
            whole("waitMinTier", waitMinTier, 1, reduceMinTier);
            whole("maxStaleDays", maxStaleDays, 1, 60);
            whole("holdDays", holdDays, 0, 120);
            real("exitVolRatio", exitVolRatio, 0.1, 10);
            whole("confirmDays", confirmDays, 1, 30);
            decisionMinutes(decisionTimeUtc);
        }

        /** The decision time as minutes after midnight UTC. */
        int decisionMinutes() {
            return decisionMinutes(decisionTimeUtc);
        }

        private static int decisionMinutes(String hhmm) {
            if (hhmm == null || !hhmm.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
                throw new JsonValueException("decisionTimeUtc", "a time of day HH:MM (UTC), e.g. 21:00", hhmm);
            }
            return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
        }
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new JsonValueException(field, "an object", null);
        }
    }

    private static List<String> roles(String field, List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new JsonValueException(field, "a non-empty list of roles", roles);
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null) {
                // A null in a list is a wrong value here, not a missing key: say what belongs there.
                throw new JsonValueException(field + "[" + i + "]", "a role name such as spx or btc.funding", null);
            }
            role(field + "[" + i + "]", roles.get(i));
        }
        return List.copyOf(roles);
    }
}
