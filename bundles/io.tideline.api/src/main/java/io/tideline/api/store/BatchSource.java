package io.tideline.api.store;

import io.tideline.api.series.SeriesData;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Batches of one series read one at a time, for {@link SeriesStore#upsertAll}: a large file is
 * written in bounded memory, a batch at a time, yet as one transaction. Each batch has the same
 * fields; batches need not be in time order (a later batch wins where times overlap).
 */
@ConsumerType
@FunctionalInterface
public interface BatchSource {

    /**
     * The next batch, or {@code null} when there is none left.
     *
     * @throws IOException when the input cannot be read or is malformed; the store then rolls
     *         the whole write back and rethrows it
     */
    SeriesData next() throws IOException;
}
