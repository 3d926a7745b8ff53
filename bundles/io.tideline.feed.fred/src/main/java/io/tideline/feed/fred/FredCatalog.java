package io.tideline.feed.fred;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;

/** What Tideline knows about FRED series: names, units and kinds of the defaults. */
final class FredCatalog {

    /** The source namespace of every FRED series. */
    static final String SOURCE = "fred";

    private FredCatalog() {
    }

    /** The descriptor of a FRED series id; a generic one for ids not known here. */
    static SeriesDescriptor describe(String fredId) {
        SeriesId id = SeriesId.of(SOURCE, fredId);
        return switch (fredId) {
            case "DGS10" -> daily(id, "US 10-year Treasury yield", "%", SeriesKind.YIELD, AssetClass.RATES);
            case "DGS2" -> daily(id, "US 2-year Treasury yield", "%", SeriesKind.YIELD, AssetClass.RATES);
            case "DTWEXBGS" -> daily(id, "Nominal broad US dollar index", "index", SeriesKind.INDEX_LEVEL,
                    AssetClass.FX);
            case "SP500" -> daily(id, "S&P 500", "index", SeriesKind.INDEX_LEVEL, AssetClass.EQUITY);
            case "NASDAQCOM" -> daily(id, "Nasdaq Composite", "index", SeriesKind.INDEX_LEVEL, AssetClass.EQUITY);
            case "VIXCLS" -> daily(id, "CBOE Volatility Index (VIX)", "index", SeriesKind.VOLATILITY,
                    AssetClass.VOLATILITY);
            case "BAMLH0A0HYM2" -> daily(id, "ICE BofA US high-yield option-adjusted spread", "%",
                    SeriesKind.SPREAD, AssetClass.CREDIT);
            // The API has no "unknown" kind or unit: an unlisted series is shown as a macro level.
            default -> daily(id, "FRED series " + fredId, "", SeriesKind.INDEX_LEVEL, AssetClass.MACRO);
        };
    }

    private static SeriesDescriptor daily(SeriesId id, String name, String unit, SeriesKind kind, AssetClass asset) {
        return new SeriesDescriptor(id, name, unit, kind, asset, Timeframe.D1);
    }
}
