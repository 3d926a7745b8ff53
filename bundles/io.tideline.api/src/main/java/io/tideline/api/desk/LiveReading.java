package io.tideline.api.desk;

import java.util.Objects;

/**
 * The newest value of one node of the desk's live indicator graph.
 *
 * @param node the node's name, e.g. {@code btc.vol20}
 * @param role the role it is computed on, e.g. {@code btc}
 * @param indicator the indicator id, e.g. {@code realized-vol}
 * @param unit what the value is in, e.g. {@code annualised fraction}
 * @param time the time of the newest value, epoch ms UTC; 0 when there is none
 * @param value the newest value; NaN when there is none (too few bars, or the node failed)
 * @param problem why there is no value, or null
 */
public record LiveReading(String node, String role, String indicator, String unit, long time, double value,
        String problem) {

    /** Rejects null names. */
    public LiveReading {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(indicator, "indicator");
    }
}
