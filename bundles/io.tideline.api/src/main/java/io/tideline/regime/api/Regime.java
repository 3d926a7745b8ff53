package io.tideline.regime.api;

/** The market regime the checklist reads from its steps. */
public enum Regime {
    /** Equities and crypto fall together while the dollar squeezes higher: a dash for cash. */
    LIQUIDITY_SHOCK,
    /** Equities and crypto fall together with volatility rising: deleveraging by the vol-targeters. */
    VOLATILITY_EVENT,
    /** The equity trend or its leadership breaks without a volatility spike. */
    TREND_BREAK,
    /** Crypto falls alone while equities hold. */
    CRYPTO_SPECIFIC,
    /** Nothing in particular. */
    NORMAL,
    /** Every step green and both equities and crypto trending up. */
    RISK_ON,
    /**
     * Fewer than three of the four judging steps (macro, leadership, crypto, correlation) are
     * known: their inputs are missing or stale, so there is no verdict. Never risk-off, action
     * {@link Action#UNKNOWN}; the verdict's {@code coverage} and {@code missing}/{@code stale} say
     * what is lacking.
     *
     * @since 1.1
     */
    INSUFFICIENT_DATA
}
