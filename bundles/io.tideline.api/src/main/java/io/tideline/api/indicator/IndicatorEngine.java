package io.tideline.api.indicator;

import io.tideline.api.series.Timeframe;
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
     * Computes every node as {@link #evaluate(List, long, long)} does, on bars of {@code timeframe}:
     * each stored input is first aggregated into bars of that length by
     * {@link io.tideline.api.series.Resampler}, the rule the charts use (hourly bars make one
     * daily bar per UTC day, stamped at its start, holding the last close), so an analysis that
     * counts its windows in days reads days whatever the bar length of the series bound to it.
     * Inputs whose bars are already that long or longer keep their bars, each stamped at the start
     * of its bucket (a daily bar at midnight UTC); results are stamped like the bars they read.
     *
     * @param timeframe the bar length every input is read at
     * @return results by node name, in dependency order
     * @throws IllegalArgumentException if the graph has a cycle or two nodes of one name
     * @since 1.3
     */
    Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long fromMillis, long toMillis,
            Timeframe timeframe);

    /**
     * Computes every node over all stored bars and keeps the results up to date as the store
     * announces new bars.
     *
     * @throws IllegalArgumentException if the graph has a cycle or two nodes of one name
     */
    LiveIndicators live(List<IndicatorNode> nodes);
}
