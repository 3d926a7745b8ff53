package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.regime.api.Evidence;
import org.junit.jupiter.api.Test;

/** Every number of an evidence line carries its unit, with the digits its unit needs. */
class EvidenceTextTest {

    private static EvidenceText.Cells cells(String indicator, Double value, Double threshold, String unit) {
        return EvidenceText.of(new Evidence("r", indicator, value, threshold, "rule"), unit);
    }

    @Test
    void yieldChangesAreInBasisPointsReturnsAndDrawdownsInPercent() {
        assertThat(cells("change-bp(5)", -3.0000000000000027, 15.0, "%"))
                .isEqualTo(new EvidenceText.Cells("change-bp(5)", "-3.0 bp", "+15.0 bp"));
        assertThat(cells("simple-return-pct(5)", 1.6000000000000014, 1.0, "index"))
                .isEqualTo(new EvidenceText.Cells("simple-return-pct(5)", "+1.60%", "+1.00%"));
        assertThat(cells("drawdown-pct(90)", -40.66123, -30.0, "USDT"))
                .isEqualTo(new EvidenceText.Cells("drawdown-pct(90)", "-40.66%", "-30.00%"));
    }

    @Test
    void volatilityIsAPercentAYearAndSigmaMovesAreSaidInSigma() {
        assertThat(cells("realized-vol(14)", 0.8616, 0.60883, "USDT"))
                .isEqualTo(new EvidenceText.Cells("realized-vol(14)", "86.2%/yr", "60.9%/yr"));
        assertThat(cells("return-sigma(5,60)", -2.3456, -2.0, null).value()).isEqualTo("-2.35 sigma");
        assertThat(cells("return-sigma(5,60)", -2.3456, -2.0, null).threshold())
                .isEqualTo("-2.00 sigma");
    }

    @Test
    void theExposureAndTheTierCapSayWhatEachNumberIs() {
        assertThat(cells("vol-target-exposure(20)", 1.0, 0.15, "USD"))
                .isEqualTo(new EvidenceText.Cells("vol-target-exposure(20)", "1.00x", "target vol 15.0%/yr"));
        // was "tier-cap 0.7500 vs 3.000"
        assertThat(cells("tier-cap", 0.75, 3.0, "USD"))
                .isEqualTo(new EvidenceText.Cells("tier cap (rule)", "0.75x cap", "tier 3"));
    }

    @Test
    void levelsTakeTheirSeriesUnitAndFundingIsAPercentPer8Hours() {
        assertThat(cells("level", 1.505e-05, 0.0003, "fraction per 8h"))
                .isEqualTo(new EvidenceText.Cells("level", "0.0015% per 8h", "0.0300% per 8h"));
        assertThat(cells("level", 21.77, 25.0, "index")).isEqualTo(new EvidenceText.Cells("level", "21.77 index",
                "25.00 index"));
        assertThat(cells("sma(50)", 609.7012, 619.39999, "USD").value()).isEqualTo("609.70 USD");
        assertThat(cells("sma(3)", 123456789.0, null, "USD")).isEqualTo(new EvidenceText.Cells("sma(3)",
                "123,456,789 USD", "-"));
        assertThat(cells("level", 4.12, null, "%").value()).isEqualTo("4.12%");
        assertThat(cells("level", 55.5, null, "% annualised").value()).isEqualTo("55.5% annualised");
    }

    @Test
    void ratiosCorrelationsAndSignalsAreNamedAndAPluginsReadingKeepsFewDigits() {
        assertThat(cells("leadership-ratio", 0.13531234, 0.161123, null))
                .isEqualTo(new EvidenceText.Cells("leadership-ratio", "0.1353 ratio", "0.1611 ratio"));
        assertThat(cells("correlation(30)", 0.56081, 0.5, null).value()).isEqualTo("+0.56 corr");
        assertThat(cells("oi-price-divergence(1)", 0.0, 1.0, null))
                .isEqualTo(new EvidenceText.Cells("oi-price-divergence(1)", "signal 0", "signal +1"));
        assertThat(cells("example.credit-spread", 10.873333333333335, null, null).value()).isEqualTo("10.87");
        assertThat(cells("example.ratio", 0.012345678901234567, null, null).value()).isEqualTo("0.01235");
        assertThat(cells("example", null, null, null)).isEqualTo(new EvidenceText.Cells("example", "-", "-"));
    }

    @Test
    void theCompressionWarningCountsItsConditionsAndIntradayReadingsKeepTheirUnits() {
        assertThat(cells("compression-warning(20,5)", 3.0, 3.0, null))
                .isEqualTo(new EvidenceText.Cells("compression-warning(20,5)", "3 of 4", "3 of 4"));
        assertThat(cells("return-sigma(7,60,1h)", -2.345, -1.5, null).value()).isEqualTo("-2.35 sigma");
        assertThat(cells("correlation(30,4h)", 0.6866, 0.5, null).value()).isEqualTo("+0.69 corr");
        assertThat(cells("intraday-confirmation", null, null, null))
                .isEqualTo(new EvidenceText.Cells("intraday-confirmation", "-", "-"));
    }

    @Test
    void theObservationDaySaysHowOldItIs() {
        assertThat(EvidenceText.observed(new Evidence("btc", "level", 1.0, null, "r", "2026-02-05", 1)))
                .isEqualTo("2026-02-05, 1 d old");
        assertThat(EvidenceText.observed(new Evidence("btc", "level", 1.0, null, "r", "2026-02-06", 0)))
                .isEqualTo("2026-02-06, same day");
        assertThat(EvidenceText.observed(new Evidence("btc", "level", 1.0, null, "r"))).isEmpty();
    }
}
