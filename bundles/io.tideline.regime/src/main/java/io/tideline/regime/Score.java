package io.tideline.regime;

import io.tideline.support.series.Availability;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a replay scores against labelled episodes ({@code check score}). Risk-off and calm windows
 * count equity trading days (days with an equity index bar); crypto-only windows count calendar
 * days. Pure: the same replay, prices and labels give the same report.
 *
 * <ul>
 * <li>{@code recall}: labelled risk-off days with {@code riskOff} true, over all risk-off days;
 * <li>{@code falseAlarmRate}: calm days with {@code riskOff} true, over calm days;
 * <li>{@code cryptoOnlyFlagged} / {@code cryptoOnlyNamed}: crypto-only days with {@code riskOff}
 *     true / with regime CRYPTO_SPECIFIC, over crypto-only days;
 * <li>{@code regimeChangesPerYear}, {@code riskOffOnsetsPerYear}: day-to-day changes of the regime
 *     label, and of {@code riskOff} from false to true, over the replayed calendar days per 365.25;
 * <li>{@code actionInversions}: fresh (not held) risk-off days whose action is weaker than that of
 *     a held day less than 7 calendar days away;
 * <li>{@code episodes}: per window its days, hits (days the verdict agrees with the label:
 *     risk-off for risk-off, not risk-off for calm, CRYPTO_SPECIFIC for crypto-only) and, for
 *     risk-off, {@code leadDays}: calendar days from the first risk-off verdict in the window to
 *     the equity index's lowest close in it (null when no risk-off came by then);
 * <li>{@code exposure}: the suggested exposure at day t (the last one given when a verdict has
 *     none; 0 before any) applied to the equity index's return from t to the next trading day,
 *     beside buy-and-hold and a plain volatility target on the same days: annualised Sharpe
 *     (mean / standard deviation of daily returns × √252), the checklist's maximum drawdown (a
 *     fraction, ≤ 0) and turnover (sum of absolute exposure changes per year).
 * </ul>
 */
final class Score {

    /** The plain volatility target the action is compared with: 15% on 20-day realised vol, at most 1×. */
    static final double VOL_TARGET = 0.15;
    static final int VOL_WINDOW = 20;
    static final double TRADING_DAYS_PER_YEAR = 252;

    private Score() {
    }

    /**
     * One labelled window's result.
     *
     * @param start first day in range
     * @param end last day in range
     * @param kind {@code risk-off}, {@code crypto-only} or {@code calm}
     * @param days the days counted (trading days, or calendar days for crypto-only)
     * @param hits the days the verdict agrees with the label
     * @param leadDays risk-off only: days from the first risk-off verdict to the trough, or null
     */
    record Episode(String start, String end, String kind, int days, int hits, Integer leadDays) {
    }

    /**
     * The exposure back-test.
     *
     * @param sharpe of the checklist's exposure
     * @param volTargetSharpe of the plain volatility target
     * @param buyHoldSharpe of holding 1×
     * @param maxDrawdown of the checklist's exposure, a fraction ≤ 0
     * @param turnover of the checklist's exposure, sum of |change| per year
     */
    record Exposure(Double sharpe, Double volTargetSharpe, Double buyHoldSharpe, Double maxDrawdown, Double turnover) {
    }

    /**
     * The report; JSON keys in this order. Ratios are null when nothing was counted.
     */
    record Report(Double recall, Double falseAlarmRate, Double cryptoOnlyFlagged, Double cryptoOnlyNamed,
            double regimeChangesPerYear, double riskOffOnsetsPerYear, int actionInversions, List<Episode> episodes,
            Exposure exposure) {
    }

    /** The figures the text output adds to the report. */
    record Extra(String from, String to, int days, int tradingDays, Double medianSpellDays, int backtestDays) {
    }

    /**
     * Scores one replay.
     *
     * @param from the first replayed day
     * @param days one verdict per calendar day from {@code from}
     * @param held per verdict, whether the hold rule made it
     * @param equityTimes the equity index's observation times (epoch ms UTC), ascending, also before {@code from}
     * @param equityClose its closes
     * @param labels the windows
     */
    static Report of(LocalDate from, List<Verdict> days, boolean[] held, long[] equityTimes, double[] equityClose,
            Labels labels) {
        int n = days.size();
        long first = from.toEpochDay();
        long last = first + n - 1;
        long[] tradingDays = new long[equityTimes.length];
        for (int i = 0; i < equityTimes.length; i++) {
            tradingDays[i] = Math.floorDiv(equityTimes[i], Availability.DAY);
        }
        List<Episode> episodes = new ArrayList<>();
        int riskOffDays = 0;
        int riskOffHits = 0;
        int calmDays = 0;
        int calmAlarms = 0;
        int cryptoDays = 0;
        int cryptoFlagged = 0;
        int cryptoNamed = 0;
        for (Labels.Label l : labels.labels()) {
            long a = Math.max(first, l.start().toEpochDay());
            long b = Math.min(last, l.end().toEpochDay());
            if (a > b) {
                continue;
            }
            int count = 0;
            int hits = 0;
            long troughDay = Long.MIN_VALUE;
            double trough = Double.POSITIVE_INFINITY;
            for (long d = a; d <= b; d++) {
                Verdict v = days.get((int) (d - first));
                int t = Arrays.binarySearch(tradingDays, d);
                switch (l.kind()) {
                    case RISK_OFF -> {
                        if (t >= 0) {
                            count++;
                            hits += v.riskOff() ? 1 : 0;
                            if (equityClose[t] < trough) {
                                trough = equityClose[t];
                                troughDay = d;
                            }
                        }
                    }
                    case CALM -> {
                        if (t >= 0) {
                            count++;
                            hits += v.riskOff() ? 0 : 1;
                            calmAlarms += v.riskOff() ? 1 : 0;
                        }
                    }
                    case CRYPTO_ONLY -> {
                        count++;
                        hits += v.regime() == Regime.CRYPTO_SPECIFIC ? 1 : 0;
                        cryptoFlagged += v.riskOff() ? 1 : 0;
                    }
                }
            }
            Integer lead = null;
            if (l.kind() == Labels.Kind.RISK_OFF) {
                riskOffDays += count;
                riskOffHits += hits;
                for (long d = a; troughDay != Long.MIN_VALUE && d <= troughDay; d++) {
                    if (days.get((int) (d - first)).riskOff()) {
                        lead = (int) (troughDay - d);
                        break;
                    }
                }
            } else if (l.kind() == Labels.Kind.CALM) {
                calmDays += count;
            } else {
                cryptoDays += count;
                cryptoNamed += hits;
            }
            episodes.add(new Episode(LocalDate.ofEpochDay(a).toString(), LocalDate.ofEpochDay(b).toString(),
                    l.kind().text(), count, hits, lead));
        }
        int regimeChanges = 0;
        int onsets = 0;
        for (int i = 1; i < n; i++) {
            regimeChanges += days.get(i).regime() != days.get(i - 1).regime() ? 1 : 0;
            onsets += days.get(i).riskOff() && !days.get(i - 1).riskOff() ? 1 : 0;
        }
        double years = n / 365.25;
        return new Report(ratio(riskOffHits, riskOffDays), ratio(calmAlarms, calmDays), ratio(cryptoFlagged,
                cryptoDays), ratio(cryptoNamed, cryptoDays), n == 0 ? 0 : regimeChanges / years, n == 0 ? 0 : onsets
                        / years, inversions(days, held), episodes, exposure(first, days, tradingDays, equityClose));
    }

    /** The figures the text output adds: the range, the day counts and the median risk-off spell. */
    static Extra extra(LocalDate from, List<Verdict> days, long[] equityTimes) {
        List<Integer> spells = new ArrayList<>();
        int run = 0;
        for (Verdict v : days) {
            if (v.riskOff()) {
                run++;
            } else if (run > 0) {
                spells.add(run);
                run = 0;
            }
        }
        if (run > 0) {
            spells.add(run);
        }
        Double median = null;
        if (!spells.isEmpty()) {
            int[] s = spells.stream().mapToInt(Integer::intValue).sorted().toArray();
            median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
        }
        long first = from.toEpochDay();
        long last = first + days.size() - 1;
        int trading = 0;
        int backtest = 0;
        for (int i = 0; i < equityTimes.length; i++) {
            long d = Math.floorDiv(equityTimes[i], Availability.DAY);
            if (d >= first && d <= last) {
                trading++;
                boolean next = i + 1 < equityTimes.length
                        && Math.floorDiv(equityTimes[i + 1], Availability.DAY) <= last;
                backtest += next && i >= VOL_WINDOW ? 1 : 0;
            }
        }
        return new Extra(from.toString(), LocalDate.ofEpochDay(last).toString(), days.size(), trading, median,
                backtest);
    }

    private static int strength(Action a) {
        return switch (a) {
            case HEDGE -> 3;
            case REDUCE -> 2;
            case WAIT -> 1;
            case NONE, UNKNOWN -> 0;
        };
    }

    private static int inversions(List<Verdict> days, boolean[] held) {
        int count = 0;
        for (int d = 0; d < days.size(); d++) {
            Verdict v = days.get(d);
            if (!v.riskOff() || held[d]) {
                continue;
            }
            for (int h = Math.max(0, d - 6); h <= Math.min(days.size() - 1, d + 6); h++) {
                if (held[h] && strength(days.get(h).action()) > strength(v.action())) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /**
     * The back-test over the trading days t in range that have a next trading day in range and
     * {@value #VOL_WINDOW} returns before them (so the volatility target is defined on every day
     * counted).
     */
    private static Exposure exposure(long first, List<Verdict> days, long[] tradingDays, double[] close) {
        long last = first + days.size() - 1;
        int m = 0;
        double[] mine = new double[tradingDays.length];
        double[] plain = new double[tradingDays.length];
        double[] hold = new double[tradingDays.length];
        double exposure = 0;
        double previous = Double.NaN;
        double turnover = 0;
        double equity = 1;
        double peak = 1;
        double maxDrawdown = 0;
        for (int t = 0; t + 1 < tradingDays.length; t++) {
            long d = tradingDays[t];
            if (d < first || tradingDays[t + 1] > last || t < VOL_WINDOW) {
                continue;
            }
            Double e = days.get((int) (d - first)).exposure();
            if (e != null) {
                exposure = e;
            }
            if (!Double.isNaN(previous)) {
                turnover += Math.abs(exposure - previous);
            }
            previous = exposure;
            double r = close[t + 1] / close[t] - 1;
            mine[m] = exposure * r;
            plain[m] = Math.min(1.0, VOL_TARGET / realizedVol(close, t)) * r;
            hold[m] = r;
            equity *= 1 + mine[m];
            peak = Math.max(peak, equity);
            maxDrawdown = Math.min(maxDrawdown, equity / peak - 1);
            m++;
        }
        if (m == 0) {
            return new Exposure(null, null, null, null, null);
        }
        return new Exposure(sharpe(mine, m), sharpe(plain, m), sharpe(hold, m), maxDrawdown,
                turnover / (m / TRADING_DAYS_PER_YEAR));
    }

    /** Annualised sample standard deviation of the {@value #VOL_WINDOW} log returns ending at {@code t}. */
    static double realizedVol(double[] close, int t) {
        double sum = 0;
        double sq = 0;
        for (int i = t - VOL_WINDOW + 1; i <= t; i++) {
            double x = Math.log(close[i] / close[i - 1]);
            sum += x;
            sq += x * x;
        }
        double mean = sum / VOL_WINDOW;
        double var = (sq - VOL_WINDOW * mean * mean) / (VOL_WINDOW - 1);
        return Math.sqrt(Math.max(var, 0) * TRADING_DAYS_PER_YEAR);
    }

    /** Mean over sample standard deviation of the first {@code m} returns, × √252; null when flat. */
    static Double sharpe(double[] r, int m) {
        if (m < 2) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += r[i];
        }
        double mean = sum / m;
        double sq = 0;
        for (int i = 0; i < m; i++) {
            sq += (r[i] - mean) * (r[i] - mean);
        }
        double sd = Math.sqrt(sq / (m - 1));
        return sd == 0 ? null : mean / sd * Math.sqrt(TRADING_DAYS_PER_YEAR);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : part / (double) whole;
    }
}
