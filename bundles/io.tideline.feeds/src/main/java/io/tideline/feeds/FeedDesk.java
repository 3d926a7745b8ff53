package io.tideline.feeds;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The feed scheduler, as the {@code feeds} command sees it. A service private to this bundle (its
 * package is not exported), registered by {@link FeedScheduler}, so that {@link FeedsCommand}
 * stays a thin class over it.
 */
public interface FeedDesk {

    /**
     * A feed as {@code feeds status} lists it.
     *
     * @param source the connector's source
     * @param health its health now, merged with what earlier processes recorded
     * @param series how many series it offers (0 when the connector fails to say)
     * @param nextRun when it refreshes next (epoch ms), 0 before it is scheduled
     * @param recordedBefore when an earlier process recorded the health shown, if the connector
     *     knows nothing of its own yet
     */
    record Feed(String source, FeedHealth health, int series, long nextRun, OptionalLong recordedBefore) {
    }

    /** The sources of the installed connectors, in order. */
    Set<String> sources();

    /** Every installed feed, in source order. */
    List<Feed> feeds();

    /**
     * The feeds as the desk's collector last recorded them in the shared store, in source order;
     * what a Tideline that is not the collector shows. Empty where the store is not shared or no
     * collector has recorded yet.
     *
     * @throws StoreException when the shared store cannot be read
     */
    List<RecordedFeed> collectorsFeeds() throws StoreException;

    /**
     * Fetches what the store lacks for {@code source} now, telling {@code progress} what it does;
     * empty when no connector for it is installed (any more).
     */
    Optional<FeedRun.Outcome> run(String source, Consumer<String> progress);

    /** Whether feeds refresh by themselves (a window or {@code serve}) rather than on demand. */
    boolean automatic();

    /**
     * Whether this process runs the feeds; false in team mode on a workbench that is not the
     * desk's collector (the feeds are run by the collector).
     */
    boolean collects();

    /** The minutes between refreshes. */
    int refreshMinutes();
}
