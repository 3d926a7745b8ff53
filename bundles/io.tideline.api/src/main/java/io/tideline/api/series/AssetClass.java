package io.tideline.api.series;

/** The market a series belongs to. */
public enum AssetClass {
    /** Equities and equity indices. */
    EQUITY,
    /** Government rates. */
    RATES,
    /** Currencies, including dollar indices. */
    FX,
    /** Crypto assets and their derivatives. */
    CRYPTO,
    /** Commodities such as gold. */
    COMMODITY,
    /** Credit spreads. */
    CREDIT,
    /** Volatility indices. */
    VOLATILITY,
    /** Other macro data. */
    MACRO
}
