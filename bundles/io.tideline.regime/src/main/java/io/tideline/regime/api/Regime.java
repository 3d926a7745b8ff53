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
    RISK_ON
}
