package io.tideline.feed.binance;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import java.util.ArrayList;
import java.util.List;

/**
 * The series of the Binance connector and their ids, per symbol: {@code binance:SYMBOL:perp}
 * (daily bars of the USD-M perpetual), {@code :perp.1h} and {@code :perp.4h} (price bars). The
 * perpetual trades at a basis to spot, so its bars never share an id with the spot klines of
 * the sample workspace ({@code binance:SYMBOL}); bind the {@code btc} role to the perpetual to
 * follow it instead. Also {@code :funding8h} (funding rate), {@code :oi} (open interest in USD),
 * {@code :funding8h} (funding rate), {@code :oi} (open interest in USD), {@code :liq.long.1h} and
 * {@code :liq.short.1h} (liquidated notional per hour, live only).
 */
final class BinanceCatalog {

    /** The source namespace of every Binance series. */
    static final String SOURCE = "binance";

    static final String PERP = "perp";
    static final String FUNDING = "funding8h";
    static final String OPEN_INTEREST = "oi";
    static final String LIQ_LONG = "liq.long.1h";
    static final String LIQ_SHORT = "liq.short.1h";

    /** What a series holds. */
    enum Type {
        /** OHLCV price bars of the perpetual. */
        KLINES,
        /** The funding rate of each 8-hour funding event. */
        FUNDING,
        /** The hourly open interest in USD. */
        OPEN_INTEREST,
        /** Notional of long positions liquidated per hour (SELL liquidation orders). */
        LIQ_LONG,
        /** Notional of short positions liquidated per hour (BUY liquidation orders). */
        LIQ_SHORT
    }

    /**
     * One Binance series.
     *
     * @param symbol the perpetual, e.g. BTCUSDT
     * @param type what the series holds
     * @param timeframe its bar length
     */
    record BinanceSeries(String symbol, Type type, Timeframe timeframe) {
    }

    private BinanceCatalog() {
    }

    /** The id of a series. */
    static SeriesId id(String symbol, Type type, Timeframe timeframe) {
        return switch (type) {
            case KLINES -> new SeriesId(SOURCE, symbol, timeframe == Timeframe.D1 ? PERP : PERP + "." + timeframe.label());
            case FUNDING -> new SeriesId(SOURCE, symbol, FUNDING);
            case OPEN_INTEREST -> new SeriesId(SOURCE, symbol, OPEN_INTEREST);
            case LIQ_LONG -> new SeriesId(SOURCE, symbol, LIQ_LONG);
            case LIQ_SHORT -> new SeriesId(SOURCE, symbol, LIQ_SHORT);
        };
    }

    /** The series an id names, or {@code null} if it names none of this connector's kinds. */
    static BinanceSeries parse(SeriesId id) {
        if (!SOURCE.equals(id.source())) {
            return null;
        }
        String field = id.field();
        if (field == null) {
            return null;
        }
        return switch (field) {
            case PERP -> new BinanceSeries(id.symbol(), Type.KLINES, Timeframe.D1);
            case PERP + ".1h" -> new BinanceSeries(id.symbol(), Type.KLINES, Timeframe.H1);
            case PERP + ".4h" -> new BinanceSeries(id.symbol(), Type.KLINES, Timeframe.H4);
            case FUNDING -> new BinanceSeries(id.symbol(), Type.FUNDING, Timeframe.H4);
            case OPEN_INTEREST -> new BinanceSeries(id.symbol(), Type.OPEN_INTEREST, Timeframe.H1);
            case LIQ_LONG -> new BinanceSeries(id.symbol(), Type.LIQ_LONG, Timeframe.H1);
            case LIQ_SHORT -> new BinanceSeries(id.symbol(), Type.LIQ_SHORT, Timeframe.H1);
            default -> null;
        };
    }

    /** Every series the settings offer, symbol by symbol. */
    static List<BinanceSeries> offered(BinanceSettings settings) {
        List<BinanceSeries> list = new ArrayList<>();
        for (String symbol : settings.symbols()) {
            for (Timeframe t : List.of(Timeframe.D1, Timeframe.H4, Timeframe.H1)) {
                if (settings.intervals().contains(t)) {
                    list.add(new BinanceSeries(symbol, Type.KLINES, t));
                }
            }
            // The API has no 8-hour bar length: funding sits on the 4-hour grid, every other slot empty.
            list.add(new BinanceSeries(symbol, Type.FUNDING, Timeframe.H4));
            list.add(new BinanceSeries(symbol, Type.OPEN_INTEREST, Timeframe.H1));
            if (settings.liveLiquidations()) {
                list.add(new BinanceSeries(symbol, Type.LIQ_LONG, Timeframe.H1));
                list.add(new BinanceSeries(symbol, Type.LIQ_SHORT, Timeframe.H1));
            }
        }
        return List.copyOf(list);
    }

    /** The descriptor of a series. */
    static SeriesDescriptor describe(BinanceSeries s) {
        SeriesId id = id(s.symbol(), s.type(), s.timeframe());
        String asset = asset(s.symbol());
        return switch (s.type()) {
            case KLINES -> new SeriesDescriptor(id, asset + " (Binance " + s.symbol() + " perpetual"
                    + (s.timeframe() == Timeframe.D1 ? "" : ", " + s.timeframe().label()) + ")", quote(s.symbol()),
                    SeriesKind.PRICE, AssetClass.CRYPTO, s.timeframe());
            case FUNDING -> new SeriesDescriptor(id, s.symbol() + " perpetual funding rate per 8h (Binance)",
                    "fraction per 8h", SeriesKind.RATE, AssetClass.CRYPTO, s.timeframe());
            case OPEN_INTEREST -> new SeriesDescriptor(id, s.symbol() + " open interest (Binance)", "USD",
                    SeriesKind.COUNT, AssetClass.CRYPTO, s.timeframe());
            case LIQ_LONG -> new SeriesDescriptor(id, s.symbol() + " long liquidations per hour (Binance, live)", "USD",
                    SeriesKind.FLOW, AssetClass.CRYPTO, s.timeframe());
            case LIQ_SHORT -> new SeriesDescriptor(id, s.symbol() + " short liquidations per hour (Binance, live)",
                    "USD", SeriesKind.FLOW, AssetClass.CRYPTO, s.timeframe());
        };
    }

    private static String asset(String symbol) {
        return switch (symbol) {
            case "BTCUSDT" -> "Bitcoin";
            case "ETHUSDT" -> "Ether";
            case "SOLUSDT" -> "Solana";
            default -> symbol;
        };
    }

    private static String quote(String symbol) {
        for (String q : List.of("USDT", "USDC", "BUSD")) {
            if (symbol.endsWith(q) && symbol.length() > q.length()) {
                return q;
            }
        }
        return "";
    }
}
