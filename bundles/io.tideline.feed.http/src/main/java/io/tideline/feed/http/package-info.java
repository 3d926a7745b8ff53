/**
 * HTTP support for feed connectors: {@link io.tideline.feed.http.HttpFetcher} (GET with retries,
 * exponential backoff with jitter and {@code Retry-After}, on the JDK {@code HttpClient}),
 * {@link io.tideline.feed.http.Redaction} (secrets out of every URL shown to a user) and
 * {@link io.tideline.feed.http.FeedHealthTracker} (what a connector reports as its health),
 * {@link io.tideline.feed.http.Printable} (control characters out of any outside text echoed) and
 * {@link io.tideline.feed.http.ConfigValues} (a connector's settings read with errors naming file,
 * key, value and expectation). The fetcher bounds every request: a deadline for connect, headers
 * and body, a cap per body, a redirect limit and a retry ceiling.
 */
@Export
@Version("1.1.0")
package io.tideline.feed.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
