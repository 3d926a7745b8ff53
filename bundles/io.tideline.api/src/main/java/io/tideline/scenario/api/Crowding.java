package io.tideline.scenario.api;

/**
 * How crowded the leveraged long side is, from what the perpetual-futures market shows: the
 * funding rate longs pay and the open interest against its recent mean. The cascade model turns it
 * into one index,
 *
 * <pre>
 * c = max(0, (fundingAnnual - NEUTRAL_FUNDING) / FUNDING_SCALE) + max(0, (oiRatio - 1) / OI_SCALE)
 * </pre>
 *
 * and scales the leveraged long share by {@code 1 + c} and every bucket's leverage by
 * {@code 1 + c}. Funding at or below the exchanges' neutral rate and open interest at or below
 * its 90-day mean are uncrowded ({@code c = 0}, {@link #NONE}): falling funding or shrinking open
 * interest never make the model calmer than its calibrated base, which already describes the
 * average uncrowded day.
 *
 * @param fundingAnnual the perpetual funding rate, annualised, as a fraction (0.1095 = 10.95% a
 *        year = 0.01% per 8 hours); negative when shorts pay; finite, in [-10, 10]
 * @param oiRatio the open interest divided by its 90-day mean; finite, in (0, 100]
 * @since 1.3
 */
public record Crowding(double fundingAnnual, double oiRatio) {

    /**
     * The neutral funding rate: 0.01% per 8 hours (Binance's and Bybit's interest component,
     * where funding sits when neither side pays a premium), 10.95% a year.
     */
    public static final double NEUTRAL_FUNDING = 0.0001 * 3 * 365;

    /**
     * The funding above neutral that adds 1 to the index: 25 points a year, a little more than the
     * distance from neutral to the 90th percentile of BTCUSDT funding 2019-2026 (28.9% a year).
     */
    public static final double FUNDING_SCALE = 0.25;

    /** The open interest above its 90-day mean that adds 1 to the index: 25% more. */
    public static final double OI_SCALE = 0.25;

    /** Uncrowded: neutral funding, open interest at its 90-day mean. The default state. */
    public static final Crowding NONE = new Crowding(NEUTRAL_FUNDING, 1);

    /** Checks the ranges. */
    public Crowding {
        if (!(fundingAnnual >= -10 && fundingAnnual <= 10)) {
            throw new IllegalArgumentException("the annualised funding rate must be a finite fraction in [-10, 10]"
                    + " (0.1095 = 10.95% a year), got " + fundingAnnual);
        }
        if (!(oiRatio > 0 && oiRatio <= 100)) {
            throw new IllegalArgumentException("the open interest over its 90-day mean must be in (0, 100], got "
                    + oiRatio);
        }
    }

    /** The crowding index {@code c >= 0} of the formula above; 0 when uncrowded. */
    public double index() {
        return Math.max(0, (fundingAnnual - NEUTRAL_FUNDING) / FUNDING_SCALE) + Math.max(0, (oiRatio - 1) / OI_SCALE);
    }
}
