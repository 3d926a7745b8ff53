package io.tideline.feed.yahoo;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;

/**
 * What Tideline knows about Yahoo symbols, and how series ids map to them: {@code yahoo:SYMBOL}
 * is the daily series, {@code yahoo:SYMBOL:1h} the hourly one.
 */
final class YahooCatalog {

    /** The source namespace of every Yahoo series. */
    static final String SOURCE = "yahoo";

    /** The series-id field of hourly series. */
    static final String HOURLY = "1h";

    private YahooCatalog() {
    }

    /** The id of a symbol's series at a bar length. */
    static SeriesId id(String symbol, Timeframe timeframe) {
        return timeframe == Timeframe.D1 ? SeriesId.of(SOURCE, symbol) : new SeriesId(SOURCE, symbol, HOURLY);
    }

    /** The bar length a series id asks for, or {@code null} if the id is not a Yahoo one. */
    static Timeframe timeframe(SeriesId id) {
        if (!SOURCE.equals(id.source())) {
            return null;
        }
        if (id.field() == null) {
            return Timeframe.D1;
        }
        return HOURLY.equals(id.field()) ? Timeframe.H1 : null;
    }

    /** The descriptor of a symbol at a bar length; a generic equity price for symbols not known here. */
    static SeriesDescriptor describe(String symbol, Timeframe timeframe) {
        SeriesId id = id(symbol, timeframe);
        String suffix = timeframe == Timeframe.H1 ? ", hourly" : "";
        return switch (symbol) {
            case "^GSPC" -> d(id, "S&P 500 index" + suffix, "index", SeriesKind.INDEX_LEVEL, AssetClass.EQUITY, timeframe);
            case "^NDX" -> d(id, "Nasdaq-100 index" + suffix, "index", SeriesKind.INDEX_LEVEL, AssetClass.EQUITY,
                    timeframe);
            case "^VIX" -> d(id, "CBOE Volatility Index (VIX)" + suffix, "index", SeriesKind.VOLATILITY,
                    AssetClass.VOLATILITY, timeframe);
            case "DX-Y.NYB" -> d(id, "ICE US dollar index (DXY)" + suffix, "index", SeriesKind.INDEX_LEVEL,
                    AssetClass.FX, timeframe);
            case "SPY" -> etf(id, "S&P 500 ETF (SPY)" + suffix, timeframe);
            case "QQQ" -> etf(id, "Nasdaq-100 ETF (QQQ)" + suffix, timeframe);
            case "SOXX" -> etf(id, "Semiconductor ETF (SOXX)" + suffix, timeframe);
            case "IGV" -> etf(id, "Software ETF (IGV)" + suffix, timeframe);
            case "GLD" -> d(id, "Gold ETF (GLD)" + suffix, "USD", SeriesKind.PRICE, AssetClass.COMMODITY, timeframe);
            case "BTC-USD" -> d(id, "Bitcoin in USD (Yahoo)" + suffix, "USD", SeriesKind.PRICE, AssetClass.CRYPTO,
                    timeframe);
            case "NVDA" -> etf(id, "NVIDIA (NVDA)" + suffix, timeframe);
            case "AVGO" -> etf(id, "Broadcom (AVGO)" + suffix, timeframe);
            case "AMD" -> etf(id, "Advanced Micro Devices (AMD)" + suffix, timeframe);
            case "MSFT" -> etf(id, "Microsoft (MSFT)" + suffix, timeframe);
            case "META" -> etf(id, "Meta Platforms (META)" + suffix, timeframe);
            case "GOOGL" -> etf(id, "Alphabet class A (GOOGL)" + suffix, timeframe);
            case "AMZN" -> etf(id, "Amazon (AMZN)" + suffix, timeframe);
            case "ORCL" -> etf(id, "Oracle (ORCL)" + suffix, timeframe);
            // The API has no "unknown" kind: an unlisted symbol is shown as an equity price.
            default -> d(id, "Yahoo Finance " + symbol + suffix, "", SeriesKind.PRICE, AssetClass.EQUITY, timeframe);
        };
    }

    private static SeriesDescriptor etf(SeriesId id, String name, Timeframe timeframe) {
        return d(id, name, "USD", SeriesKind.PRICE, AssetClass.EQUITY, timeframe);
    }

    private static SeriesDescriptor d(SeriesId id, String name, String unit, SeriesKind kind, AssetClass asset,
            Timeframe timeframe) {
        return new SeriesDescriptor(id, name, unit, kind, asset, timeframe);
    }
}
