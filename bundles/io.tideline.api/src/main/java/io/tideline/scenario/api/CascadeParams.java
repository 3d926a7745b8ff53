package io.tideline.scenario.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The liquidation-cascade model's inputs. Long positions of leverage {@code L} opened at the
 * starting price are liquidated after a fall of {@code 1/L - maintenanceMargin}; positions of one
 * bucket were opened at different prices, so their liquidation falls spread uniformly over
 * {@code ±dispersion} of that nominal fall. Liquidated notional is market-sold and moves the price
 * linearly: {@code depth} USD of sells move it 1% of the starting price.
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
 * @param tolerance the model stops when a round liquidates less than this fraction of the open interest
 */
public record CascadeParams(double openInterest, double shock, List<LeverageBucket> buckets,
        List<LiquidationLevel> levels, double maintenanceMargin, double dispersion, double depth, int maxRounds,
        double tolerance) {

    /**
     * The calibrated default: USD 30 bn of open interest, 68% of it leveraged long (crowded: 10% at
     * 2x, 12% at 5x, 15% at 10x, 15% at 15x, 12% at 25x, 3% at 50x, 1% at 100x), maintenance margin
     * 0.5%, dispersion 0.5 and a depth of USD 1.5 bn per 1%. With these a 1% fall stays near 1.5%,
     * while 2% and 3% falls become 9.8% and 11.6% (see the bundle's NOTES.md).
     */
    public static final CascadeParams DEFAULTS = new CascadeParams(30e9, 0.03,
            List.of(new LeverageBucket(0.10, 2), new LeverageBucket(0.12, 5), new LeverageBucket(0.15, 10),
                    new LeverageBucket(0.15, 15), new LeverageBucket(0.12, 25), new LeverageBucket(0.03, 50),
                    new LeverageBucket(0.01, 100)),
            List.of(), 0.005, 0.5, 1.5e9, 500, 1e-6);

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
    }

    /** The calibrated default parameters ({@link #DEFAULTS}). */
    public static CascadeParams defaults() {
        return DEFAULTS;
    }

    /** These parameters with another initial fall (a positive fraction). */
    public CascadeParams withShock(double newShock) {
        return new CascadeParams(openInterest, newShock, buckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance);
    }

    /** These parameters with another open interest in USD. */
    public CascadeParams withOpenInterest(double newOpenInterest) {
        return new CascadeParams(newOpenInterest, shock, buckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance);
    }

    /** These parameters with another depth (USD of sells per 1% move). */
    public CascadeParams withDepth(double newDepth) {
        return new CascadeParams(openInterest, shock, buckets, levels, maintenanceMargin, dispersion, newDepth,
                maxRounds, tolerance);
    }

    /** These parameters with other leverage buckets. */
    public CascadeParams withBuckets(List<LeverageBucket> newBuckets) {
        return new CascadeParams(openInterest, shock, newBuckets, levels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance);
    }

    /** These parameters with explicit liquidation levels (replacing earlier ones). */
    public CascadeParams withLevels(List<LiquidationLevel> newLevels) {
        return new CascadeParams(openInterest, shock, buckets, newLevels, maintenanceMargin, dispersion, depth,
                maxRounds, tolerance);
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
