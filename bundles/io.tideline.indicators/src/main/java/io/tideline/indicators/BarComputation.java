package io.tideline.indicators;

import io.tideline.api.indicator.IndicatorComputation;

/**
 * The part every built-in computation shares: checking the arguments of {@link #append} once
 * per call and the timestamps once per bar (cheap, and it turns an engine bug into a clear
 * error instead of a silently wrong window). Not thread-safe, like the interface.
 */
abstract class BarComputation implements IndicatorComputation {

    private final int inputCount;
    private final int unstableBars;
    private boolean started;
    private long lastTime;

    BarComputation(int inputCount, int unstableBars) {
        this.inputCount = inputCount;
        this.unstableBars = unstableBars;
    }

    @Override
    public final void append(long[] times, double[][] inputs, int from, int to, double[] out) {
        if (inputs.length != inputCount) {
            throw new IllegalArgumentException("expected " + inputCount + " input columns, got " + inputs.length);
        }
        if (from < 0 || from > to || to > times.length || to > out.length) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") does not fit times of length "
                    + times.length + " and out of length " + out.length);
        }
        for (int k = 0; k < inputCount; k++) {
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
        compute(inputs, from, to, out);
    }

    /** Consumes bars {@code from..to-1} of checked columns. */
    abstract void compute(double[][] inputs, int from, int to, double[] out);

    @Override
    public final int unstableBars() {
        return unstableBars;
    }

    /** A computation over one input column, one value per bar. */
    abstract static class OneInput extends BarComputation {

        OneInput(int unstableBars) {
            super(1, unstableBars);
        }

        @Override
        final void compute(double[][] inputs, int from, int to, double[] out) {
            double[] x = inputs[0];
            for (int i = from; i < to; i++) {
                out[i] = next(x[i]);
            }
        }

        /** Consumes one bar and returns its output. */
        abstract double next(double x);
    }

    /** A computation over two aligned input columns, one value per bar. */
    abstract static class TwoInputs extends BarComputation {

        TwoInputs(int unstableBars) {
            super(2, unstableBars);
        }

        @Override
        final void compute(double[][] inputs, int from, int to, double[] out) {
            double[] a = inputs[0];
            double[] b = inputs[1];
            for (int i = from; i < to; i++) {
                out[i] = next(a[i], b[i]);
            }
        }

        /** Consumes one bar and returns its output. */
        abstract double next(double a, double b);
    }
}
