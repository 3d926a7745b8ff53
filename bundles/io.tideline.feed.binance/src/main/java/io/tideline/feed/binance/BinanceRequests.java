package io.tideline.feed.binance;

import io.tideline.api.series.Timeframe;
import java.net.URI;
import java.util.Locale;

/** The Binance URLs the connector requests. */
final class BinanceRequests {

    /** The most klines Binance returns per request. */
    static final int KLINES_LIMIT = 1500;
    /** The most funding events Binance returns per request. */
    static final int FUNDING_LIMIT = 1000;
    /** The most open-interest points Binance returns per request. */
    static final int OPEN_INTEREST_LIMIT = 500;

    private BinanceRequests() {
    }

    /** {@code {base}/fapi/v1/klines?symbol=S&interval=1h|4h|1d&startTime=ms&endTime=ms&limit=1500}. */
    static URI klines(BinanceSettings settings, String symbol, Timeframe interval, long startMillis, long endMillis) {
        return URI.create(settings.baseUrl() + "/fapi/v1/klines?symbol=" + symbol + "&interval=" + interval.label()
                + "&startTime=" + startMillis + "&endTime=" + endMillis + "&limit=" + KLINES_LIMIT);
    }

    /** {@code {base}/fapi/v1/fundingRate?symbol=S&startTime=ms&endTime=ms&limit=1000}. */
    static URI fundingRate(BinanceSettings settings, String symbol, long startMillis, long endMillis) {
        return URI.create(settings.baseUrl() + "/fapi/v1/fundingRate?symbol=" + symbol + "&startTime=" + startMillis
                + "&endTime=" + endMillis + "&limit=" + FUNDING_LIMIT);
    }

    /** {@code {base}/futures/data/openInterestHist?symbol=S&period=1h&startTime=ms&endTime=ms&limit=500}. */
    static URI openInterestHist(BinanceSettings settings, String symbol, long startMillis, long endMillis) {
        return URI.create(settings.baseUrl() + "/futures/data/openInterestHist?symbol=" + symbol
                + "&period=1h&startTime=" + startMillis + "&endTime=" + endMillis + "&limit=" + OPEN_INTEREST_LIMIT);
    }

    /** {@code {ws}/ws/symbol@forceOrder}, the symbol in lower case as Binance's stream names are. */
    static URI forceOrderStream(BinanceSettings settings, String symbol) {
        return URI.create(settings.wsUrl() + "/ws/" + symbol.toLowerCase(Locale.ROOT) + "@forceOrder");
    }
}
