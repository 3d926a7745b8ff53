package io.tideline.api.feed;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of series, registered as an OSGi service by a feed bundle. A connector fetches and
 * normalises; it never writes to the store, computes indicators or touches the UI: a scheduler
 * of the feed framework calls it and upserts what it returns.
 *
 * <p>Implementations must be thread-safe: fetches of different series may run concurrently.
 */
@ConsumerType
public interface FeedConnector {

    /** The source namespace of every series this connector offers, e.g. {@code fred}. */
    String source();

    /** The series this connector can fetch, as currently configured. */
    List<SeriesDescriptor> offered();

    /**
     * Fetches history for one series.
     *
     * @return the bars in the range, possibly empty; never {@code null}
     * @throws FeedException naming the series and the failure; {@link FeedException#retryable()}
     *         tells the scheduler whether to try again later
     */
    SeriesData fetch(FetchRequest request) throws FeedException;

    /** The connector's current health. */
    FeedHealth health();
}
