package io.tideline.scenario;

import io.tideline.scenario.api.CascadeEnsemble;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.CascadeRound;
import io.tideline.scenario.api.LeverageBucket;
import io.tideline.scenario.api.LiquidationLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The liquidation-cascade model, a pure function of its parameters (docs/cascade.md has the
 * equations and the calibration). An initial fall liquidates the longs whose liquidation price it
 * crosses; their notional is market-sold into a book where {@code Q} USD of net sells move the
 * price {@code 1% * sqrt(Q / depth)} (the square-root law, so large cascades are damped); between
 * rounds the book refills a share {@code refill} of what was consumed, so the price partly recovers
 * and only the selling still in the book keeps it down. A round's liquidations are set by the
 * deepest fall so far (a liquidation price once crossed stays crossed), and the model's answer is
 * that deepest fall: the day's low relative to where the cascade started.
 *
 * <p>The long share of a bucket of leverage L liquidated at a fall D is uniform between
 * {@code δ(1-s)} and {@code δ(1+s)}, with {@code δ = 1/L - maintenanceMargin} the fall that
 * liquidates a position opened at the starting price and s the dispersion of entry prices.
 * Crowding (funding above neutral, open interest above its 90-day mean) scales the leveraged
 * share by {@code 1 + c} and the leverage by {@code 1 + c}.
 *
 * <p>The result's path and {@code amplifiedMove} are the central member's (the parameters as
 * given); {@code p10}, {@code p50}, {@code p90} come from the ensemble, whose members draw depth,
 * leverage and leveraged share from log-normal factors with one fixed seed. Each member's deepest
 * fall never decreases with the shock or the open interest on the tested grids (CascadeTest), and
 * the same members serve every input, so neither do the percentiles.
 */
final class Cascade {

    /** A fall is capped here: the price of a crashing asset does not reach zero in the model. */
    static final double MAX_FALL = 0.99;

    /** How much a unit of the crowding index raises every bucket's leverage, relative to its base. */
    static final double LEVERAGE_PER_CROWDING = 1.0;

    /** Crowding and the ensemble never make more than this share of the open interest leveraged long. */
    static final double MAX_LEVERAGED_SHARE = 0.95;

    /**
     * ETH's perpetual open interest, about half of BTC's (an assumption: the sample has no open
     * interest history); with the same leverage buckets.
     */
    static final double ETH_OPEN_INTEREST = 15e9;

    /** ETH's depth, USD per 1%, chosen on ETH's 2019-2022 daily lows like BTC's (CascadeCalibrationTest). */
    static final double ETH_DEPTH = 100e6;

    private Cascade() {
    }

    /**
     * The parameters for a role: for {@code eth}, ETH's open interest and depth in place of BTC's
     * where the parameters still hold BTC's defaults (a caller's own values are kept); every other
     * role runs with the parameters as given.
     */
    static CascadeParams forRole(String role, CascadeParams p) {
        CascadeParams btc = CascadeParams.defaults();
        if (!role.equals("eth")) {
            return p;
        }
        CascadeParams eth = p;
        if (p.openInterest() == btc.openInterest()) {
            eth = eth.withOpenInterest(ETH_OPEN_INTEREST);
        }
        if (p.depth() == btc.depth()) {
            eth = eth.withDepth(ETH_DEPTH);
        }
        return eth;
    }

    static CascadeResult run(CascadeParams p) {
        double oi = p.openInterest();
        if (p.shock() == 0) {
            return new CascadeResult(0, 0, 1, 0, List.of(), 0, oi, oi, true, p, 0, 0, 0);
        }
        Book central = Book.of(p, 1, 1);
        List<CascadeRound> path = new ArrayList<>();
        Member m = member(p, central, p.depth(), path);
        double[] finals = ensemble(p);
        Arrays.sort(finals);
        double remaining = oi * (1 - central.share(m.evaluatedAt()));
        return new CascadeResult(p.shock(), m.fall(), m.fall() / p.shock(), path.size(), path, m.liquidated(),
                remaining, oi, m.converged(), p, percentile(finals, 0.10), percentile(finals, 0.50),
                percentile(finals, 0.90));
    }

    /**
     * Every ensemble member's deepest fall, in member order. Members draw their three factors in
     * the same order from a generator with the ensemble's seed, so member i is the same market for
     * every shock and open interest.
     */
    static double[] ensemble(CascadeParams p) {
        CascadeEnsemble e = p.ensemble();
        SplittableRandom random = new SplittableRandom(e.seed());
        double[] finals = new double[e.members()];
        for (int i = 0; i < finals.length; i++) {
            double depth = p.depth() * Math.exp(e.depthSpread() * random.nextGaussian());
            double leverage = Math.exp(e.leverageSpread() * random.nextGaussian());
            double share = Math.exp(e.shareSpread() * random.nextGaussian());
            finals[i] = p.shock() == 0 ? 0 : member(p, Book.of(p, leverage, share), depth, null).fall();
        }
        return finals;
    }

    /** One member's run. */
    private record Member(double fall, double liquidated, double evaluatedAt, boolean converged) {
    }

    /**
     * Runs the rounds for one market; adds them to {@code path} when it is not null. Round k sells
     * what the deepest fall so far liquidates into a book refilled to {@code depth * (1 + refill)^(k-1)}:
     * {@code F(k+1) = max(F(k), shock + 1% * sqrt(L(F(k)) / depth_k))}. Every step is non-decreasing in
     * the shock and the open interest, so the deepest fall is too, exactly; and once a round adds
     * nothing no later round can (the liquidations stay, the book only refills), so stopping there
     * is exact.
     */
    private static Member member(CascadeParams p, Book book, double depth, List<CascadeRound> path) {
        double oi = p.openInterest();
        double deepest = p.shock();
        double sold = 0;
        double bookDepth = depth;
        double evaluatedAt = deepest;
        boolean converged = false;
        for (int r = 1; r <= p.maxRounds(); r++) {
            evaluatedAt = deepest;
            double total = oi * book.share(deepest);
            double delta = total - sold;
            sold = total;
            double next = Math.max(deepest, Math.min(MAX_FALL, p.shock() + 0.01 * Math.sqrt(total / bookDepth)));
            if (path != null && delta > 0) {
                path.add(new CascadeRound(r, deepest, delta, next - deepest));
            }
            if (next <= deepest) {
                converged = true;
                break;
            }
            deepest = next;
            bookDepth *= 1 + p.refill();
        }
        return new Member(deepest, sold, evaluatedAt, converged);
    }

    /** The share of the open interest liquidated once the price has fallen by {@code fall}, for the central member. */
    static double liquidatedShare(CascadeParams p, double fall) {
        return Book.of(p, 1, 1).share(fall);
    }

    /** Linear interpolation between order statistics (R's type 7) of sorted values. */
    static double percentile(double[] sorted, double q) {
        double i = q * (sorted.length - 1);
        int lo = (int) Math.floor(i);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
    }

    /**
     * The liquidation book of one member, as columns: each bucket's share of the open interest and
     * the range of falls over which it is liquidated, after crowding and the member's factors.
     */
    private record Book(double[] share, double[] lo, double[] hi, double[] nominal, double[] levelDrop,
            double[] levelShare) {

        static Book of(CascadeParams p, double leverageFactor, double shareFactor) {
            double c = p.crowding().index();
            List<LeverageBucket> buckets = p.buckets();
            int n = buckets.size();
            double[] share = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] nominal = new double[n];
            double levels = 0;
            for (LiquidationLevel l : p.levels()) {
                levels += l.share();
            }
            double total = 0;
            double given = 0;
            for (int i = 0; i < n; i++) {
                LeverageBucket b = buckets.get(i);
                given += b.share();
                share[i] = b.share() * shareFactor * (1 + c);
                total += share[i];
                double leverage = Math.min(1000, Math.max(1,
                        b.leverage() * leverageFactor * (1 + LEVERAGE_PER_CROWDING * c)));
                nominal[i] = Math.max(1e-9, 1 / leverage - p.maintenanceMargin());
                lo[i] = nominal[i] * (1 - p.dispersion());
                hi[i] = nominal[i] * (1 + p.dispersion());
            }
            // Crowding and the member's draw scale the buckets together; past the cap they shrink together.
            // The cap never cuts the shares as given, which the parameters already bound to 1 with the levels.
            double cap = Math.max(given, Math.min(MAX_LEVERAGED_SHARE, 1 - levels));
            if (total > cap) {
                for (int i = 0; i < n; i++) {
                    share[i] *= cap / total;
                }
            }
            int k = p.levels().size();
            double[] levelDrop = new double[k];
            double[] levelShare = new double[k];
            for (int i = 0; i < k; i++) {
                levelDrop[i] = p.levels().get(i).drop();
                levelShare[i] = p.levels().get(i).share();
            }
            return new Book(share, lo, hi, nominal, levelDrop, levelShare);
        }

        /** The share of the open interest liquidated once the price has fallen by {@code fall}. */
        double share(double fall) {
            double s = 0;
            for (int i = 0; i < share.length; i++) {
                double f;
                if (hi[i] <= lo[i]) {
                    f = fall >= nominal[i] ? 1 : 0;
                } else {
                    f = Math.min(1, Math.max(0, (fall - lo[i]) / (hi[i] - lo[i])));
                }
                s += share[i] * f;
            }
            for (int i = 0; i < levelDrop.length; i++) {
                if (fall >= levelDrop[i]) {
                    s += levelShare[i];
                }
            }
            return s;
        }
    }
}
