package io.tideline.regime.api;

import io.tideline.api.series.SeriesData;
import org.osgi.annotation.versioning.ProviderType;

/** What a {@link ChecklistStep} may read for one day. */
@ProviderType
public interface StepContext {

    /** The day, {@code YYYY-MM-DD}. */
    String asOf();

    /** The last millisecond of the day, epoch ms UTC: no data after it is visible. */
    long endMillis();

    /** The series bound to {@code role}, up to {@link #endMillis()}; empty if the role is unbound or has no data. */
    SeriesData role(String role);
}
