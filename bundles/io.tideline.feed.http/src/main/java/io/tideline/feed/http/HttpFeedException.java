package io.tideline.feed.http;

import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesId;

/**
 * A {@link FeedException} from {@link HttpFetcher} that also tells the HTTP status of the last
 * answer (if any), the number of attempts made and the redacted URL, so a connector can turn a
 * source's own error answer into a clearer message.
 */
public final class HttpFeedException extends FeedException {

    private static final long serialVersionUID = 1L;

    /** {@link #statusCode()} when no HTTP answer arrived (time-out, connection failure). */
    public static final int NO_STATUS = -1;

    private final int statusCode;
    private final int attempts;
    private final String redactedUrl;
    private final String bodyExcerpt;

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
        super(series, message, retryable, cause);
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

    /** The start of the last error body, whitespace collapsed and redacted; may be empty. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
