package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.scenario.api.CascadeEnsemble;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.CascadeRound;
import io.tideline.scenario.api.Crowding;
import io.tideline.scenario.api.LeverageBucket;
import io.tideline.scenario.api.LiquidationLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class CascadeTest {

    private static final CascadeParams D = CascadeParams.defaults();

    /** One market, no ensemble spread: every percentile is the central run. */
    private static final CascadeEnsemble ONE = new CascadeEnsemble(1, 1, 0, 0, 0);

    /** Funding at the sample's 95th percentile (52.5% a year) and open interest 25% above its 90-day mean. */
    static final Crowding CROWDED = new Crowding(0.525, 1.25);

    @Test
    void aHandComputedSquareRootCascadeWithAndWithoutRefill() {
        // OI 100: 20 at 10x (liquidated at a 10% fall), 30 at 8x (12.5%); depth 2 per 1%; a 10% shock
        List<LeverageBucket> buckets = List.of(new LeverageBucket(0.2, 10), new LeverageBucket(0.3, 8));
        CascadeParams p = new CascadeParams(100, 0.10, buckets, List.of(), 0, 0, 2, 100, 1e-9, 0, Crowding.NONE, ONE);
        CascadeResult r = Cascade.run(p);
        // round 1 sells 20: 10% + 1% * sqrt(20/2) = 13.16% crosses 12.5%; round 2 sells 30 more: 10% + 1% * sqrt(50/2)
        assertThat(r.path()).hasSize(2);
        assertThat(r.path().get(0).liquidated()).isCloseTo(20, within(1e-9));
        assertThat(r.path().get(0).impact()).isCloseTo(0.01 * Math.sqrt(10), within(1e-12));
        assertThat(r.path().get(1).drop()).isCloseTo(0.10 + 0.01 * Math.sqrt(10), within(1e-12));
        assertThat(r.path().get(1).liquidated()).isCloseTo(30, within(1e-9));
        assertThat(r.amplifiedMove()).isCloseTo(0.15, within(1e-12));
        assertThat(r.p10()).isEqualTo(r.amplifiedMove());
        assertThat(r.p90()).isEqualTo(r.amplifiedMove());
        assertThat(r.converged()).isTrue();

        // refill 0.5: round 2 sells into a book 1.5x as deep, round 3's 2.25x adds nothing
        CascadeResult refilled = Cascade.run(p.withRefill(0.5));
        assertThat(refilled.amplifiedMove()).isCloseTo(0.10 + 0.01 * Math.sqrt(50 / 3.0), within(1e-12));
        assertThat(refilled.liquidatedNotional()).isCloseTo(50, within(1e-9));
    }

    @Test
    void theSquareRootLawMovesThePriceTwiceAsFarForFourTimesTheSelling() {
        // everything at 100x with margin 0.9%: liquidated at a 0.1% fall, so a 1% shock sells it all in round 1
        CascadeParams p = new CascadeParams(100, 0.01, List.of(new LeverageBucket(1, 100)), List.of(), 0.009, 0, 25,
                10, 1e-9, 0, Crowding.NONE, ONE);
        assertThat(Cascade.run(p).amplifiedMove()).isCloseTo(0.01 + 0.02, within(1e-12));
        assertThat(Cascade.run(p.withOpenInterest(400)).amplifiedMove()).isCloseTo(0.01 + 0.04, within(1e-12));
    }

    @Test
    void theFinalFallNeverDecreasesWithTheShockInAnyPercentile() {
        for (Crowding c : new Crowding[] {Crowding.NONE, CROWDED}) {
            for (double oi : new double[] {3e9, 30e9, 90e9, 300e9}) {
                CascadeResult previous = null;
                for (int bp = 100; bp <= 800; bp += 25) {
                    CascadeResult r = Cascade.run(D.withCrowding(c).withOpenInterest(oi).withShock(bp / 10_000.0));
                    assertThat(r.p10()).isLessThanOrEqualTo(r.p50());
                    assertThat(r.p50()).isLessThanOrEqualTo(r.p90());
                    assertThat(r.amplifiedMove()).isGreaterThanOrEqualTo(r.initialMove());
                    if (previous != null) {
                        String at = "oi " + oi + ", shock " + bp + " bp, crowding " + c.index();
                        assertThat(r.p10()).as(at).isGreaterThanOrEqualTo(previous.p10());
                        assertThat(r.p50()).as(at).isGreaterThanOrEqualTo(previous.p50());
                        assertThat(r.p90()).as(at).isGreaterThanOrEqualTo(previous.p90());
                        assertThat(r.amplifiedMove()).as(at).isGreaterThanOrEqualTo(previous.amplifiedMove());
                    }
                    previous = r;
                }
            }
        }
    }

    @Test
    void theFinalFallNeverDecreasesWithTheOpenInterest() {
        for (Crowding c : new Crowding[] {Crowding.NONE, CROWDED}) {
            for (int bp = 100; bp <= 800; bp += 50) {
                double[] previous = null;
                for (double oi = 1e9; oi <= 1e13; oi *= 1.5) {
                    double[] members = Cascade.ensemble(D.withCrowding(c).withOpenInterest(oi).withShock(bp / 10_000.0));
                    if (previous != null) {
                        for (int i = 0; i < members.length; i++) {
                            assertThat(members[i]).as("member %d at oi %.3g, shock %d bp", i, oi, bp)
                                    .isGreaterThanOrEqualTo(previous[i]);
                        }
                    }
                    previous = members;
                }
            }
        }
    }

    @Test
    void moreRefillNeverDeepensTheFallAndMoreCrowdingNeverEasesIt() {
        for (double shock : new double[] {0.01, 0.02, 0.03, 0.05}) {
            double before = Double.POSITIVE_INFINITY;
            for (double refill = 0; refill < 0.95; refill += 0.1) {
                double p50 = Cascade.run(D.withShock(shock).withRefill(refill)).p50();
                assertThat(p50).as("refill %.1f, shock %.2f", refill, shock).isLessThanOrEqualTo(before);
                before = p50;
            }
            double calmer = 0;
            for (double funding = 0; funding <= 1.0; funding += 0.1) {
                double p50 = Cascade.run(D.withShock(shock).withCrowding(new Crowding(funding, 1))).p50();
                assertThat(p50).as("funding %.1f, shock %.2f", funding, shock).isGreaterThanOrEqualTo(calmer);
                calmer = p50;
            }
        }
    }

    @Test
    void uncrowdedTheDefaultsDampATwoPercentFallWhereTheLinearModelRanToTenPercent() {
        // the 1.2 model took 2% to 9.8% and 3% to 11.6% on every day; uncrowded, the median now stays small
        CascadeResult two = Cascade.run(D.withShock(0.02));
        assertThat(two.p50()).isBetween(0.02, 0.04);
        assertThat(two.p90()).isGreaterThan(two.p50());
        CascadeResult one = Cascade.run(D.withShock(0.01));
        assertThat(one.p50()).isLessThan(0.02);
        // crowded, a 2-3% fall becomes 8-12% in the median market
        for (double shock : new double[] {0.02, 0.025, 0.03}) {
            CascadeResult r = Cascade.run(D.withShock(shock).withCrowding(CROWDED));
            assertThat(r.p50()).as("crowded, shock %.3f", shock).isBetween(0.08, 0.12);
        }
    }

    @Test
    void theCrowdingIndexIsZeroAtNeutralFundingAndGrowsWithFundingAndOpenInterest() {
        assertThat(Crowding.NONE.index()).isZero();
        assertThat(new Crowding(-0.3, 0.5).index()).isZero();
        assertThat(new Crowding(Crowding.NEUTRAL_FUNDING + 0.25, 1).index()).isCloseTo(1, within(1e-12));
        assertThat(new Crowding(Crowding.NEUTRAL_FUNDING, 1.5).index()).isCloseTo(2, within(1e-12));
        assertThat(CROWDED.index()).isCloseTo((0.525 - 0.1095) / 0.25 + 1, within(1e-12));
    }

    @Test
    void theEnsembleIsReproducibleAndOrdered() {
        CascadeResult a = Cascade.run(D.withShock(0.025));
        CascadeResult b = Cascade.run(D.withShock(0.025));
        assertThat(a).isEqualTo(b);
        assertThat(Cascade.ensemble(D.withShock(0.025))).hasSize(500);
        assertThat(a.p10()).isLessThan(a.p90());
        CascadeResult other = Cascade.run(D.withShock(0.025).withEnsemble(new CascadeEnsemble(500, 7, 1.0, 0.3, 0.5)));
        assertThat(other.p90()).isNotEqualTo(a.p90());
        assertThat(Cascade.percentile(new double[] {1, 2, 3, 4, 5}, 0.1)).isCloseTo(1.4, within(1e-12));
    }

    @Test
    void theResultConservesNotional() {
        for (double shock : new double[] {0.01, 0.03, 0.08, 0.2}) {
            for (double depth : new double[] {50e6, 300e6, 2e9}) {
                CascadeResult r = Cascade.run(D.withShock(shock).withDepth(depth));
                double sum = r.path().stream().mapToDouble(CascadeRound::liquidated).sum();
                assertThat(sum).isCloseTo(r.liquidatedNotional(), within(1e-6 * r.openInterest()));
                assertThat(r.liquidatedNotional() + r.remainingNotional()).isCloseTo(r.openInterest(),
                        within(1e-6 * r.openInterest()));
            }
        }
    }

    @Test
    void explicitLevelsAreLiquidatedOnceCrossed() {
        CascadeParams levels = new CascadeParams(100, 0.02, List.of(), List.of(new LiquidationLevel(0.02, 0.3)), 0, 0,
                1e6, 100, 1e-9, 0, Crowding.NONE, ONE);
        CascadeResult l = Cascade.run(levels);
        assertThat(l.liquidatedNotional()).isCloseTo(30, within(1e-9));
        assertThat(l.amplifiedMove()).isCloseTo(0.02 + 0.01 * Math.sqrt(30 / 1e6), within(1e-12));
    }

    @Test
    void aUniformSpreadOfLiquidationPricesMatchesItsClosedForm() {
        // one bucket at 20x, margin 0.5%: nominal 4.5%, dispersion 0.5 -> uniform on [2.25%, 6.75%]
        CascadeParams p = new CascadeParams(1, 0.03, List.of(new LeverageBucket(1, 20)), List.of(), 0.005, 0.5, 1e12,
                10, 1e-9);
        assertThat(Cascade.liquidatedShare(p, 0.03)).isCloseTo((0.03 - 0.0225) / 0.045, within(1e-12));
        assertThat(Cascade.liquidatedShare(p, 0.02)).isZero();
        assertThat(Cascade.liquidatedShare(p, 0.07)).isEqualTo(1);
    }

    @Test
    void theMeanLeverageSliderScalesTheBuckets() {
        CascadeParams p = D.withMeanLeverage(20);
        assertThat(p.meanLeverage()).isCloseTo(20, within(1e-9));
        assertThat(p.buckets()).hasSameSizeAs(D.buckets());
    }

    @Test
    void theOldConstructorsKeepTheirMeaning() {
        CascadeResult r = new CascadeResult(0.03, 0.05, 5 / 3.0, 1, List.of(), 1, 2, 3, true, D);
        assertThat(r.p10()).isEqualTo(0.05);
        assertThat(r.p90()).isEqualTo(0.05);
        CascadeParams p = new CascadeParams(1, 0.03, List.of(), List.of(), 0, 0, 1, 10, 1e-9);
        assertThat(p.refill()).isEqualTo(CascadeParams.DEFAULT_REFILL);
        assertThat(p.crowding()).isEqualTo(Crowding.NONE);
    }
}
