package io.tideline.regime.api;

import io.tideline.api.series.SeriesData;
import org.osgi.annotation.versioning.ProviderType;

/** What a {@link ChecklistStep} may read for one day. */
@ProviderType
public interface StepContext {

    /** The day, {@code YYYY-MM-DD}. */
    String asOf();

    /**
     * The verdict's decision time, epoch ms UTC (the day at the rules' decision time, 21:00 UTC
     * by default): {@link #role} holds only values available by then under each series'
     * availability rule (before 1.1: the last millisecond of the day).
     */
    long endMillis();

    /**
     * The series bound to {@code role}, with the values available at {@link #endMillis()};
     * empty if the role is unbound or has no data.
     */
    SeriesData role(String role);
}
