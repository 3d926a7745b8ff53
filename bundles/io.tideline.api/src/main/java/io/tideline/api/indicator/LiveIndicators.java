package io.tideline.api.indicator;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An indicator graph kept up to date: when the store announces new bars of an input, only the
 * new values are computed (a revised older bar recomputes the nodes that read it). Thread-safe;
 * close it when done.
 */
@ProviderType
public interface LiveIndicators extends AutoCloseable {

    /** The current results by node name, a consistent snapshot. */
    Map<String, IndicatorResult> results();

    /** Increases with every update of the results. */
    long revision();

    /** Stops following the store. */
    @Override
    void close();
}
