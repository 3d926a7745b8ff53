package io.tideline.api.feed;

import io.tideline.api.series.SeriesId;

/** A fetch failed; the message names the series and what went wrong, never a credential. */
public class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SeriesId series;
    private final boolean retryable;

    /**
     * @param series the series being fetched
     * @param message what failed, in words a user can act on
     * @param retryable whether the same request may succeed later (rate limit, server error)
     * @param cause the underlying failure, or {@code null}
     */
    public FeedException(SeriesId series, String message, boolean retryable, Throwable cause) {
        super(series + ": " + message, cause);
        this.series = series;
        this.retryable = retryable;
    }

    /** The series being fetched. */
    public SeriesId series() {
        return series;
    }

    /** Whether the same request may succeed later. */
    public boolean retryable() {
        return retryable;
    }
}
