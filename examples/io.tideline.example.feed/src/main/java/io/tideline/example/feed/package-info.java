/**
 * An example feed connector plugin: daily OHLCV bars from a small HTTP JSON service, in the three
 * steps every connector takes: query parameters ({@link io.tideline.example.feed.DailyQuery}), raw
 * extract ({@link io.tideline.example.feed.RawDailyBars}) and normalised records
 * ({@link io.tideline.api.series.SeriesData}). Private to its bundle; it meets Tideline only
 * through the {@link io.tideline.api.feed.FeedConnector} service.
 */
package io.tideline.example.feed;
