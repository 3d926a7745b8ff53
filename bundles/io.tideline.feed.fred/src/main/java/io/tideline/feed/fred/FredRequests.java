package io.tideline.feed.fred;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The two FRED URLs the connector requests. */
final class FredRequests {

    private FredRequests() {
    }

    /** {@code {base}/fred/series/observations?series_id=ID&api_key=KEY&file_type=json&observation_start=..&observation_end=..}. */
    static URI observations(FredSettings settings, String fredId, LocalDate start, LocalDate end) {
        return URI.create(settings.baseUrl() + "/fred/series/observations?series_id=" + enc(fredId)
                + "&api_key=" + enc(settings.apiKey()) + "&file_type=json&observation_start=" + start
                + "&observation_end=" + end);
    }

    /** {@code {graphBase}/graph/fredgraph.csv?id=ID&cosd=..&coed=..}, FRED's key-less download. */
    static URI graphCsv(FredSettings settings, String fredId, LocalDate start, LocalDate end) {
        return URI.create(settings.graphBaseUrl() + "/graph/fredgraph.csv?id=" + enc(fredId) + "&cosd=" + start
                + "&coed=" + end);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
