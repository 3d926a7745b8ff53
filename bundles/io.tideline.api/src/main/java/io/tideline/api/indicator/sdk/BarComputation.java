package io.tideline.api.indicator.sdk;

import io.tideline.api.indicator.IndicatorComputation;

/**
 * The part every computation shares: checking the arguments of {@link #append} once
 * per call and the timestamps once per bar (cheap, and it turns an engine bug into a clear
 * error instead of a silently wrong window). Not thread-safe, like the interface.
 *
 * <p>A computation over a basket (a spec whose last slot is {@link io.tideline.api.indicator.IndicatorSpec#VARIADIC
 * variadic}) takes at least as many columns as the spec has slots; the count of its first call
 * is then fixed for the life of the computation (its per-member state is sized to it, see
 * {@link #begin}), and a later call with another count is rejected.
 */
public abstract class BarComputation implements IndicatorComputation {

    private final int minInputs;
    private final boolean variadic;
    private final int unstableBars;
    private int inputCount;
    private boolean started;
    private long lastTime;

    /**
     * A computation over a fixed number of input columns.
     *
     * @param inputCount the number of input columns
     * @param unstableBars the leading outputs that are not yet meaningful, see {@link #unstableBars()}
     */
    protected BarComputation(int inputCount, int unstableBars) {
        this(inputCount, false, unstableBars);
    }

    /**
     * @param minInputs the number of input columns, or with {@code variadic} the least number
     * @param variadic whether the last slot takes one or more columns
     * @param unstableBars the leading outputs that are not yet meaningful, see {@link #unstableBars()}
     */
    protected BarComputation(int minInputs, boolean variadic, int unstableBars) {
        this.minInputs = minInputs;
        this.variadic = variadic;
        this.unstableBars = unstableBars;
        this.inputCount = variadic ? -1 : minInputs;
    }

    @Override
    public final void append(long[] times, double[][] inputs, int from, int to, double[] out) {
        if (inputCount < 0 && inputs.length < minInputs) {
            throw new IllegalArgumentException("expected at least " + minInputs + " input columns, got "
                    + inputs.length);
        }
        if (inputCount >= 0 && inputs.length != inputCount) {
            throw new IllegalArgumentException("expected " + inputCount + " input columns"
                    + (variadic ? " (the count of the first call)" : "") + ", got " + inputs.length);
        }
        if (from < 0 || from > to || to > times.length || to > out.length) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") does not fit times of length "
                    + times.length + " and out of length " + out.length);
        }
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k].length < to) {
                throw new IndexOutOfBoundsException("input " + k + " has " + inputs[k].length
                        + " values, fewer than " + to);
            }
        }
        boolean seen = started;
        long previous = lastTime;
        for (int i = from; i < to; i++) {
            if (seen && times[i] <= previous) {
                throw new IllegalArgumentException("time at index " + i + " is " + times[i]
                        + ", not after the previous bar's " + previous);
            }
            seen = true;
            previous = times[i];
        }
        started = seen;
        lastTime = previous;
        if (inputCount < 0) {
            inputCount = inputs.length;
            begin(inputCount);
        }
        compute(times, inputs, from, to, out);
    }

    /**
     * Called once for a basket computation, before its first {@link #compute}, with the number
     * of input columns: the place where it sizes its per-member state. Does nothing by default.
     *
     * @param columns the number of input columns of every call
     */
    protected void begin(int columns) {
    }

    /**
     * Consumes bars {@code from..to-1} of checked columns, with their checked, increasing times,
     * writing one output per bar into {@code out}. Called on the engine's thread, never concurrently.
     *
     * @param times the bars' times, epoch milliseconds UTC
     * @param inputs the input columns, aligned with {@code times}
     * @param from the first bar to consume
     * @param to one past the last bar to consume
     * @param out where the outputs go, at the same indices
     */
    protected abstract void compute(long[] times, double[][] inputs, int from, int to, double[] out);

    @Override
    public final int unstableBars() {
        return unstableBars;
    }

    /** A computation over one input column, one value per bar. */
    public abstract static class OneInput extends BarComputation {

        /** @param unstableBars the leading outputs that are not yet meaningful */
        protected OneInput(int unstableBars) {
            super(1, unstableBars);
        }

        @Override
        protected final void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
            double[] x = inputs[0];
            for (int i = from; i < to; i++) {
                out[i] = next(x[i]);
            }
        }

        /**
         * Consumes one bar and returns its output.
         *
         * @param x the bar's input (NaN where missing)
         * @return the output for the bar
         */
        protected abstract double next(double x);
    }

    /** A computation over two aligned input columns, one value per bar. */
    public abstract static class TwoInputs extends BarComputation {

        /** @param unstableBars the leading outputs that are not yet meaningful */
        protected TwoInputs(int unstableBars) {
            super(2, unstableBars);
        }

        @Override
        protected final void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
            double[] a = inputs[0];
            double[] b = inputs[1];
            for (int i = from; i < to; i++) {
                out[i] = next(a[i], b[i]);
            }
        }

        /**
         * Consumes one bar and returns its output.
         *
         * @param a the bar's first input (NaN where missing)
         * @param b the bar's second input (NaN where missing)
         * @return the output for the bar
         */
        protected abstract double next(double a, double b);
    }
}
