package io.tideline.api.indicator;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Evaluates indicator graphs over the stored series: nodes in dependency order (cycles are
 * refused naming the cycle), inputs joined on common timestamps, each node isolated (one that
 * throws or runs past its time limit fails alone). Thread-safe.
 */
@ProviderType
public interface IndicatorEngine {

    /**
     * Computes every node over {@code fromMillis..toMillis} of its inputs.
     *
     * @return results by node name, in dependency order
     * @throws IllegalArgumentException if the graph has a cycle or two nodes of one name
     */
    Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long fromMillis, long toMillis);

    /**
     * Computes every node over all stored bars and keeps the results up to date as the store
     * announces new bars.
     *
     * @throws IllegalArgumentException if the graph has a cycle or two nodes of one name
     */
    LiveIndicators live(List<IndicatorNode> nodes);
}
