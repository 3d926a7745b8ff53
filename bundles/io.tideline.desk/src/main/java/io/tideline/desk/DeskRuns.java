package io.tideline.desk;

import io.tideline.api.desk.DeskSnapshot;
import io.tideline.api.desk.FeedStatus;
import java.util.List;

/**
 * What the {@code desk} command asks of the desk component: bundle-private, so the command stays
 * a thin class over a service.
 */
interface DeskRuns {

    /** The newest snapshot published. */
    DeskSnapshot snapshot();

    /** Makes a new snapshot now and publishes it (see {@link DeskComponent#update}). */
    DeskSnapshot update();

    /** Every feed with its health, next run and stale series (see {@link io.tideline.api.desk.Desk#feeds}). */
    List<FeedStatus> feeds() throws Exception;

    /** The same snapshot computed with nothing kept, timed (see {@link DeskComponent#recomputeFully}). */
    DeskSnapshot recomputeFully();
}
