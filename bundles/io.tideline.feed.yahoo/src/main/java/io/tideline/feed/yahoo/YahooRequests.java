package io.tideline.feed.yahoo;

import io.tideline.api.series.Timeframe;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Yahoo chart URL the connector requests. */
final class YahooRequests {

    private YahooRequests() {
    }

    /**
     * {@code {base}/v8/finance/chart/SYMBOL?period1=s&period2=s&interval=1h|1d&includePrePost=false&events=div%7Csplit},
     * the symbol URL-encoded ({@code ^GSPC} as {@code %5EGSPC}).
     */
    static URI chart(YahooSettings settings, String symbol, long period1Seconds, long period2Seconds,
            Timeframe interval) {
        return URI.create(settings.baseUrl() + "/v8/finance/chart/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "?period1=" + period1Seconds + "&period2=" + period2Seconds + "&interval=" + interval.label()
                + "&includePrePost=false&events=div%7Csplit");
    }
}
