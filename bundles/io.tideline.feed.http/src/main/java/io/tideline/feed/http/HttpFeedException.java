package io.tideline.feed.http;

import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesId;
import java.util.Optional;

/**
 * A {@link FeedException} from {@link HttpFetcher} that also tells the HTTP status of the last
 * answer (if any), the number of attempts made and the redacted URL, so a connector can turn a
 * source's own error answer into a clearer message. {@link #guard()} says which of
 * {@link HttpFetcher}'s limits stopped a request from a broken or hostile server.
 */
public final class HttpFeedException extends FeedException {

    private static final long serialVersionUID = 1L;

    /** {@link #statusCode()} when no HTTP answer arrived (time-out, connection failure). */
    public static final int NO_STATUS = -1;

    private final int statusCode;
    private final int attempts;
    private final String redactedUrl;
    private final String bodyExcerpt;
    private final Guard guard;

    /**
     * The limit of {@link HttpFetcher} that stopped a request: a server that breaks one is not
     * having a bad minute, so the feed counts as {@code DOWN} at once (see {@link FeedHealthTracker}).
     *
     * @since 1.1
     */
    public enum Guard {
        /** The body was larger than the cap per response. */
        BODY_SIZE,
        /** Connecting, the headers and the body together took longer than the deadline of one request. */
        DEADLINE,
        /** The server redirected more often than allowed, or to a URL that is not followed. */
        REDIRECTS,
        /** The server asked to wait longer before retrying than the retry ceiling allows. */
        RETRY_CEILING,
        /** The body is not text in the encoding it declares (or UTF-8). */
        ENCODING
    }

    /**
     * @param series the series being fetched
     * @param message what failed, already redacted
     * @param retryable whether the same request may succeed later
     * @param cause the underlying failure, or {@code null}
     * @param statusCode the HTTP status of the last answer, or {@link #NO_STATUS}
     * @param attempts how many requests were sent
     * @param redactedUrl the URL with secrets masked
     * @param bodyExcerpt the start of the last error body, redacted, or {@code ""}
     */
    public HttpFeedException(SeriesId series, String message, boolean retryable, Throwable cause,
            int statusCode, int attempts, String redactedUrl, String bodyExcerpt) {
        this(series, message, retryable, cause, statusCode, attempts, redactedUrl, bodyExcerpt, null);
    }

    /**
     * A failure stopped by one of the fetcher's limits; the other parameters as in
     * {@link #HttpFeedException(SeriesId, String, boolean, Throwable, int, int, String, String)}.
     *
     * @param guard the limit that stopped the request, or {@code null} for none
     * @since 1.1
     */
    public HttpFeedException(SeriesId series, String message, boolean retryable, Throwable cause,
            int statusCode, int attempts, String redactedUrl, String bodyExcerpt, Guard guard) {
        super(series, message, retryable, cause);
        this.guard = guard;
        this.statusCode = statusCode;
        this.attempts = attempts;
        this.redactedUrl = redactedUrl;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /** The HTTP status of the last answer, or {@link #NO_STATUS} if none arrived. */
    public int statusCode() {
        return statusCode;
    }

    /** How many requests were sent. */
    public int attempts() {
        return attempts;
    }

    /** The URL fetched, with secrets masked. */
    public String redactedUrl() {
        return redactedUrl;
    }

    /**
     * The limit that stopped the request, if one did.
     *
     * @since 1.1
     */
    public Optional<Guard> guard() {
        return Optional.ofNullable(guard);
    }

    /** The start of the last error body, whitespace collapsed and redacted; may be empty. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
