package io.tideline.api.indicator.sdk;

/**
 * Rolling maximum or minimum of the last {@code window} values with a monotonic deque: each
 * point enters and leaves the deque at most once, so an update is amortised O(1). The deque is
 * a ring of primitive positions and values sized to the window; nothing is allocated per
 * update. NaN points follow the package rule.
 */
public final class RollingExtremum {

    private final int window;
    // +1 for a maximum; -1 for a minimum, which is kept as the maximum of the negated values
    private final double sign;
    private final long[] positions;
    private final double[] values;
    private final long[] missingPositions;
    private int head;
    private int size;
    private int missingHead;
    private int missing;
    private long count;

    private RollingExtremum(int window, double sign) {
        this.window = Windows.check(window, 1);
        this.sign = sign;
        positions = new long[window];
        values = new double[window];
        missingPositions = new long[window];
    }

    /** A rolling maximum over {@code window} points. */
    public static RollingExtremum max(int window) {
        return new RollingExtremum(window, 1);
    }

    /** A rolling minimum over {@code window} points. */
    public static RollingExtremum min(int window) {
        return new RollingExtremum(window, -1);
    }

    /** Adds {@code x} (NaN for a missing point), dropping the oldest point once the window is full. */
    public void add(double x) {
        long position = count++;
        long oldest = position - window + 1;
        if (size > 0 && positions[head] < oldest) {
            head = head + 1 == window ? 0 : head + 1;
            size--;
        }
        if (missing > 0 && missingPositions[missingHead] < oldest) {
            missingHead = missingHead + 1 == window ? 0 : missingHead + 1;
            missing--;
        }
        if (Double.isNaN(x)) {
            missingPositions[(missingHead + missing) % window] = position;
            missing++;
            return;
        }
        double v = sign * x;
        while (size > 0 && values[(head + size - 1) % window] <= v) {
            size--;
        }
        int tail = (head + size) % window;
        positions[tail] = position;
        values[tail] = v;
        size++;
    }

    /** Whether the window holds {@code window} valid points. */
    public boolean isReady() {
        return count >= window && missing == 0;
    }

    /** The maximum (or minimum) of the window, or NaN when it is not ready. */
    public double value() {
        return isReady() ? sign * values[head] : Double.NaN;
    }
}
