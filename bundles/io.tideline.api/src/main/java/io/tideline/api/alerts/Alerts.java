package io.tideline.api.alerts;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The alerts fired by the alerts bundle, as a service: the newest ones with their delivery state,
 * those of earlier sessions included (read back from its ledger). Answers from memory, so it may
 * be called from an event thread; still never from the UI thread. Thread-safe.
 */
@ProviderType
public interface Alerts {

    /** The newest {@code max} alerts with their delivery state per channel, newest first. */
    List<TrackedAlert> recent(int max);

    /** The channels alerts go to now, by name, in delivery order. */
    List<String> channels();
}
