package io.tideline.api.store;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The single source of truth for raw series. Writes are idempotent upserts keyed by
 * (series, timestamp); each committed write posts an EventAdmin event on
 * {@link SeriesEvents#TOPIC_APPENDED}.
 *
 * <p>Implementations are thread-safe: concurrent writers and readers are allowed, and a reader
 * never sees part of a batch.
 */
@ProviderType
public interface SeriesStore {

    /**
     * Inserts or replaces the bars of {@code data} for the series of {@code descriptor}, as one
     * transaction: afterwards every timestamp holds exactly one bar, with the values just written.
     *
     * @throws StoreException naming the series when the data is rejected (e.g. NaN or infinite
     *         values) or the write fails; nothing of the batch is stored then
     */
    void upsert(SeriesDescriptor descriptor, SeriesData data) throws StoreException;

    /**
     * Writes every batch of {@code batches} for the series of {@code descriptor} as ONE
     * transaction, holding only one batch in memory at a time: either every batch is stored and
     * committed, or nothing is (a batch that fails validation, an {@link IOException} from the
     * source, a full disk or a crash leave the series as it was). Posts one
     * {@link SeriesEvents#TOPIC_APPENDED} after the commit, covering the written range.
     *
     * @return what the write did, counted against the bars stored before it
     * @throws StoreException naming the series when a batch is rejected or the write fails
     * @throws IOException rethrown from the source after the rollback
     */
    WriteSummary upsertAll(SeriesDescriptor descriptor, BatchSource batches) throws StoreException, IOException;

    /**
     * Reads the bars with {@code fromMillis <= time <= toMillis}.
     *
     * @throws StoreException if the series is unknown or the range is inverted
     */
    SeriesData read(SeriesId id, long fromMillis, long toMillis) throws StoreException;

    /** Every stored series with its descriptor, first and last timestamp and count. */
    List<SeriesInfo> list() throws StoreException;

    /** The stored facts of one series, if it exists. */
    Optional<SeriesInfo> info(SeriesId id) throws StoreException;

    /**
     * The store's health: whether it opened, and what its last integrity check (or a read or
     * write since) found. Waits for the store to finish opening.
     *
     * @since 1.1
     */
    default StoreHealth health() {
        return new StoreHealth(StoreHealth.Status.UNCHECKED, null, List.of());
    }

    /**
     * Records the feeds' health for the Tidelines sharing this store, replacing the previous
     * record whole (a feed missing from {@code feeds} is no longer the collector's). The desk's
     * collector calls it after every feed run. Does nothing where the store is not shared.
     *
     * @throws StoreException when the record cannot be written (e.g. this store user only reads)
     * @since 1.2
     */
    default void recordFeeds(List<RecordedFeed> feeds) throws StoreException {
    }

    /**
     * The feeds' health as the collector last recorded it ({@link #recordFeeds}), in source order;
     * empty where the store is not shared or no collector recorded anything yet.
     *
     * @throws StoreException when the store cannot be read
     * @since 1.2
     */
    default List<RecordedFeed> recordedFeeds() throws StoreException {
        return List.of();
    }

    /**
     * Deletes a series and all its bars.
     *
     * @return whether the series existed
     */
    boolean delete(SeriesId id) throws StoreException;
}
