package io.tideline.api.series;

/** What the numbers of a series measure; decides how views scale and label them. */
public enum SeriesKind {
    /** A traded price. */
    PRICE,
    /** A yield in percent. */
    YIELD,
    /** An index level (e.g. a dollar index or an equity index). */
    INDEX_LEVEL,
    /** A rate per period (e.g. a perpetual funding rate). */
    RATE,
    /** A spread in percent or basis points. */
    SPREAD,
    /** A count or an amount outstanding (e.g. open interest). */
    COUNT,
    /** A flow per bar (e.g. liquidations, volume). */
    FLOW,
    /** A volatility level (e.g. VIX, DVOL). */
    VOLATILITY,
    /** A ratio of two series or another derived, dimensionless number. */
    RATIO
}
