/**
 * HTTP support for feed connectors: {@link io.tideline.feed.http.HttpFetcher} (GET with retries,
 * exponential backoff with jitter and {@code Retry-After}, on the JDK {@code HttpClient}),
 * {@link io.tideline.feed.http.Redaction} (secrets out of every URL shown to a user) and
 * {@link io.tideline.feed.http.FeedHealthTracker} (what a connector reports as its health).
 */
@Export
@Version("1.0.0")
package io.tideline.feed.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
