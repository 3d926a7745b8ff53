package io.tideline.api.feed;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The feed scheduler as others see it: every feed this Tideline schedules, with its health, when
 * it runs next and which of its series are stale. Registered by the feeds bundle; the desk reads
 * it for the feeds view and {@code status}.
 *
 * @since 1.1
 */
@ProviderType
public interface FeedSchedule {

    /** Every scheduled feed, in source order. Reads the store (stale series): not on a UI thread. */
    List<ScheduledFeed> scheduled();
}
