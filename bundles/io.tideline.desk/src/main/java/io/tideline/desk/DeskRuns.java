package io.tideline.desk;

import io.tideline.api.desk.DeskSnapshot;

/**
 * What the {@code desk} command asks of the desk component: bundle-private, so the command stays
 * a thin class over a service.
 */
interface DeskRuns {

    /** The newest snapshot published. */
    DeskSnapshot snapshot();

    /** The same snapshot computed with nothing kept, timed (see {@link DeskComponent#recomputeFully}). */
    DeskSnapshot recomputeFully();
}
