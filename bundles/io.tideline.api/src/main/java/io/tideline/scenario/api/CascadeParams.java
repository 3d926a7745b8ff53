package io.tideline.scenario.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The liquidation-cascade model's inputs. Long positions of leverage {@code L} opened at the
 * starting price are liquidated after a fall of {@code 1/L - maintenanceMargin}; positions of one
 * bucket were opened at different prices, so their liquidation falls spread uniformly over
 * {@code ±dispersion} of that nominal fall. Liquidated notional is market-sold and moves the price
 * by the square-root law: {@code Q} USD of net sells still in the book move it
 * {@code 1% * sqrt(Q / depth)} (so {@code depth} USD move it 1%, four times that 2%); between
 * rounds the book refills {@code refill} of what was consumed. The buckets describe the uncrowded
 * market; {@code crowding} scales them (see {@link Crowding}); {@code ensemble} says how uncertain
 * depth and leverage are. The equations and where every default comes from: docs/cascade.md.
 *
 * @param openInterest the open interest, in USD (&gt; 0)
 * @param shock the initial fall, as a positive fraction in [0, 0.9] (0.03 = 3%)
 * @param buckets the leveraged long share of the open interest by leverage; shares (with the
 *        levels') sum to at most 1, the rest is never liquidated in the model (shorts, unlevered)
 * @param levels explicit liquidation levels, in addition to the buckets (may be empty)
 * @param maintenanceMargin the maintenance margin as a fraction of notional, in [0, 0.5)
 * @param dispersion the spread of a bucket's liquidation falls around its nominal one, in [0, 1)
 * @param depth USD of market sells that move the price 1% (&gt; 0)
 * @param maxRounds the most rounds simulated, in [1, 10000]
 * @param tolerance in (0, 1); up to 1.2 the model stopped when a round liquidated less than this
 *        fraction of the open interest; since 1.3 it stops exactly when a round adds no fall (which
 *        keeps the result monotone in the shock), and this value is only checked
 * @param refill the share of the consumed book depth restored between rounds, in [0, 1) (since 1.3)
 * @param crowding how crowded the long side is; {@link Crowding#NONE} is the calibrated base (since 1.3)
 * @param ensemble the members the percentiles come from (since 1.3)
 */
public record CascadeParams(double openInterest, double shock, List<LeverageBucket> buckets,
        List<LiquidationLevel> levels, double maintenanceMargin, double dispersion, double depth, int maxRounds,
        double tolerance, double refill, Crowding crowding, CascadeEnsemble ensemble) {

    /** The default share of consumed depth the book refills between rounds. */
    public static final double DEFAULT_REFILL = 0.3;

    /**
     * The calibrated default for BTC: USD 30 bn of open interest, 41.4% of it leveraged long in the
     * uncrowded state (10% at 2x, 10% at 3x, 8% at 5x, 6% at 10x, 4% at 15x, 2% at 20x, 1% at 25x,
     * 0.3% at 50x, 0.1% at 100x), maintenance margin 0.5%, dispersion 0.5, a depth of USD 300 m
     * per 1% (chosen on BTC's 2019-2022 daily lows), refill 0.3, uncrowded, the default ensemble.
     * docs/cascade.md has the calibration.
     */
    public static final CascadeParams DEFAULTS = new CascadeParams(30e9, 0.03,
            List.of(new LeverageBucket(0.10, 2), new LeverageBucket(0.10, 3), new LeverageBucket(0.08, 5),
                    new LeverageBucket(0.06, 10), new LeverageBucket(0.04, 15), new LeverageBucket(0.02, 20),
                    new LeverageBucket(0.01, 25), new LeverageBucket(0.003, 50), new LeverageBucket(0.001, 100)),
            List.of(), 0.005, 0.5, 300e6, 500, 1e-6, DEFAULT_REFILL, Crowding.NONE, CascadeEnsemble.DEFAULT);

    /**
     * The 1.2 form: the default refill, uncrowded, the default ensemble.
     *
     * @param openInterest the open interest, in USD
     * @param shock the initial fall
     * @param buckets the leveraged long share by leverage
     * @param levels explicit liquidation levels
     * @param maintenanceMargin the maintenance margin
     * @param dispersion the spread of a bucket's liquidation falls
     * @param depth USD of net sells that move the price 1%
     * @param maxRounds the most rounds simulated
     * @param tolerance the stopping tolerance
     */
    public CascadeParams(double openInterest, double shock, List<LeverageBucket> buckets,
            List<LiquidationLevel> levels, double maintenanceMargin, double dispersion, double depth, int maxRounds,
            double tolerance) {
        this(openInterest, shock, buckets, levels, maintenanceMargin, dispersion, depth, maxRounds, tolerance,
                DEFAULT_REFILL, Crowding.NONE, CascadeEnsemble.DEFAULT);
    }

    /** Checks the ranges. */
    public CascadeParams {
        if (!(openInterest > 0 && Double.isFinite(openInterest))) {
            throw new IllegalArgumentException("open interest must be a positive number of USD, got " + openInterest);
        }
        if (!(shock >= 0 && shock <= 0.9)) {
            throw new IllegalArgumentException("the shock must be a fall in [0, 0.9] (0.03 = 3%), got " + shock);
        }
        buckets = List.copyOf(buckets);
        levels = List.copyOf(levels);
        double total = 0;
        for (LeverageBucket b : buckets) {
            total += b.share();
        }
        for (LiquidationLevel l : levels) {
            total += l.share();
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("the shares of the leverage buckets and levels sum to " + total
                    + "; they must sum to at most 1 of the open interest");
        }
        if (!(maintenanceMargin >= 0 && maintenanceMargin < 0.5)) {
            throw new IllegalArgumentException("the maintenance margin must be in [0, 0.5), got " + maintenanceMargin);
        }
        if (!(dispersion >= 0 && dispersion < 1)) {
            throw new IllegalArgumentException("the dispersion must be in [0, 1), got " + dispersion);
        }
        if (!(depth > 0 && Double.isFinite(depth))) {
            throw new IllegalArgumentException("the depth must be a positive number of USD per 1%, got " + depth);
        }
        if (maxRounds < 1 || maxRounds > 10_000) {
            throw new IllegalArgumentException("maxRounds must be in [1, 10000], got " + maxRounds);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("the tolerance must be in (0, 1), got " + tolerance);
        }
        if (!(refill >= 0 && refill < 1)) {
            throw new IllegalArgumentException("the refill must be a share of consumed depth in [0, 1), got " + refill);
        }
        Objects.requireNonNull(crowding, "crowding");
        Objects.requireNonNull(ensemble, "ensemble");
    }

    /** The calibrated default parameters ({@link #DEFAULTS}). */
    public static CascadeParams defaults() {
        return DEFAULTS;
    }

    /** These parameters with another initial fall (a positive fraction). */
    public CascadeParams withShock(double newShock) {
        return new CascadeParams(openInterest, newShock, buckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance, refill, crowding, ensemble);
    }

    /** These parameters with another open interest in USD. */
    public CascadeParams withOpenInterest(double newOpenInterest) {
        return new CascadeParams(newOpenInterest, shock, buckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance, refill, crowding, ensemble);
    }

    /** These parameters with another depth (USD of sells per 1% move). */
    public CascadeParams withDepth(double newDepth) {
        return new CascadeParams(openInterest, shock, buckets, levels, maintenanceMargin, dispersion, newDepth,
                maxRounds, tolerance, refill, crowding, ensemble);
    }

    /** These parameters with other leverage buckets. */
    public CascadeParams withBuckets(List<LeverageBucket> newBuckets) {
        return new CascadeParams(openInterest, shock, newBuckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance, refill, crowding, ensemble);
    }

    /** These parameters with explicit liquidation levels (replacing earlier ones). */
    public CascadeParams withLevels(List<LiquidationLevel> newLevels) {
        return new CascadeParams(openInterest, shock, buckets, newLevels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance, refill, crowding, ensemble);
    }

    /**
     * These parameters with another crowding state.
     *
     * @since 1.3
     */
    public CascadeParams withCrowding(Crowding newCrowding) {
        return new CascadeParams(openInterest, shock, buckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance, refill, newCrowding, ensemble);
    }

    /**
     * These parameters with another refill share.
     *
     * @since 1.3
     */
    public CascadeParams withRefill(double newRefill) {
        return new CascadeParams(openInterest, shock, buckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance, newRefill, crowding, ensemble);
    }

    /**
     * These parameters with another ensemble.
     *
     * @since 1.3
     */
    public CascadeParams withEnsemble(CascadeEnsemble newEnsemble) {
        return new CascadeParams(openInterest, shock, buckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance, refill, crowding, newEnsemble);
    }

    /**
     * These parameters with another maintenance margin.
     *
     * @since 1.3
     */
    public CascadeParams withMaintenanceMargin(double newMargin) {
        return new CascadeParams(openInterest, shock, buckets, levels, newMargin, dispersion, depth,
                maxRounds, tolerance, refill, crowding, ensemble);
    }

    /**
     * These parameters with another dispersion.
     *
     * @since 1.3
     */
    public CascadeParams withDispersion(double newDispersion) {
        return new CascadeParams(openInterest, shock, buckets, levels, maintenanceMargin, newDispersion, depth,
                maxRounds, tolerance, refill, crowding, ensemble);
    }

    /** The share-weighted mean leverage of the buckets (1 without buckets). */
    public double meanLeverage() {
        double share = 0;
        double weighted = 0;
        for (LeverageBucket b : buckets) {
            share += b.share();
            weighted += b.share() * b.leverage();
        }
        return share == 0 ? 1 : weighted / share;
    }

    /**
     * These parameters with every bucket's leverage scaled so that the mean leverage is
     * {@code mean} (each capped to [1, 1000]); a slider for "how leveraged is the market".
     */
    public CascadeParams withMeanLeverage(double mean) {
        if (!(mean >= 1 && mean <= 1000)) {
            throw new IllegalArgumentException("the mean leverage must be in [1, 1000], got " + mean);
        }
        double factor = mean / meanLeverage();
        List<LeverageBucket> scaled = new ArrayList<>(buckets.size());
        for (LeverageBucket b : buckets) {
            scaled.add(new LeverageBucket(b.share(), Math.min(1000, Math.max(1, b.leverage() * factor))));
        }
        return withBuckets(scaled);
    }
}
