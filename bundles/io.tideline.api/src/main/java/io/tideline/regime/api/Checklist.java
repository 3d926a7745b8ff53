package io.tideline.regime.api;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The risk-off checklist as a service, for views and other modules: the same verdicts the
 * {@code check} command prints, computed from the store through the indicator engine. Calls do
 * real work (an indicator pass over the roles' history): never call them on the UI thread.
 * Thread-safe.
 */
@ProviderType
public interface Checklist {

    /** The verdict of the latest day with data. */
    Verdict latest();

    /** The verdict of {@code day}, from data up to the end of that day only. */
    Verdict asOf(LocalDate day);

    /** One verdict per day from {@code from} to {@code to} inclusive, in order. */
    List<Verdict> replay(LocalDate from, LocalDate to);
}
