package io.tideline.api.indicator;

import io.tideline.api.series.SeriesData;
import java.util.Objects;

/**
 * What a node computed, or why it could not.
 *
 * @param node the node's name
 * @param output the output on the node's aligned timestamps ({@code VALUE} column, NaN where the
 *        window held too few valid points); empty when the node failed
 * @param error why the node failed (its indicator threw, ran past its time limit, an input is
 *        missing or failed), or {@code null}
 */
public record IndicatorResult(String node, SeriesData output, String error) {

    /** Rejects null parts (except the error). */
    public IndicatorResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(output, "output");
    }

    /** Whether the node failed. */
    public boolean failed() {
        return error != null;
    }
}
