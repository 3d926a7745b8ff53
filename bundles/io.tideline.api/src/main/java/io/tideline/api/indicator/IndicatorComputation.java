package io.tideline.api.indicator;

import org.osgi.annotation.versioning.ConsumerType;


/**
 * One running evaluation of an indicator: stateful, fed bar by bar, O(1) work per bar for
 * rolling statistics. Not thread-safe: the engine calls one instance from one thread at a time.
 */
@ConsumerType
public interface IndicatorComputation {

    /**
     * Consumes appended bars and writes the output for each of them.
     *
     * @param times the appended timestamps, strictly increasing and after every earlier call
     * @param inputs one column per input slot of the spec, aligned with {@code times}
     * @param from first index to consume, inclusive
     * @param to last index to consume, exclusive
     * @param out receives the output for indices {@code from..to-1} at the same indices;
     *        {@link Double#NaN} where the window holds too few valid points
     */
    void append(long[] times, double[][] inputs, int from, int to, double[] out);

    /** How many leading outputs are not yet meaningful (e.g. {@code window - 1}). */
    int unstableBars();
}
