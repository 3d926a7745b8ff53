package io.tideline.bench.indicators;

/**
 * The near-hardware reference: one pass over {@code double[]} with running sums, O(1) per bar
 * (the sums of the variance and correlation are rebuilt exactly every {@code w} bars, which
 * costs one extra add per bar on average and keeps the rounding from piling up). Outputs are
 * NaN where the window is not yet full, like Tideline's.
 */
public final class Plain {

    private Plain() {
    }

    /** Simple moving average over {@code w} bars. */
    public static void sma(double[] x, int w, double[] out) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= w) {
                sum -= x[i - w];
            }
            out[i] = i >= w - 1 ? sum / w : Double.NaN;
        }
    }

    /** Sample ({@code n - 1}) standard deviation over {@code w} bars. */
    public static void stdev(double[] x, int w, double[] out) {
        double shift = 0;
        double s1 = 0;
        double s2 = 0;
        int untilRebuild = 0;
        for (int i = 0; i < x.length; i++) {
            if (--untilRebuild < 0) {
                untilRebuild = w - 1;
                // rebuild the sums of the window ending here, on values shifted by a recent one
                shift = x[i];
                s1 = 0;
                s2 = 0;
                for (int j = Math.max(0, i - w + 1); j <= i; j++) {
                    double d = x[j] - shift;
                    s1 += d;
                    s2 += d * d;
                }
            } else {
                double d = x[i] - shift;
                s1 += d;
                s2 += d * d;
                if (i >= w) {
                    double e = x[i - w] - shift;
                    s1 -= e;
                    s2 -= e * e;
                }
            }
            out[i] = i >= w - 1 ? Math.sqrt(Math.max(0, (s2 - s1 * s1 / w) / (w - 1))) : Double.NaN;
        }
    }

    /** Pearson correlation of {@code x} and {@code y} over {@code w} bars. */
    public static void correlation(double[] x, double[] y, int w, double[] out) {
        double cx = 0;
        double cy = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int untilRebuild = 0;
        for (int i = 0; i < x.length; i++) {
            if (--untilRebuild < 0) {
                untilRebuild = w - 1;
                cx = x[i];
                cy = y[i];
                sx = 0;
                sy = 0;
                sxx = 0;
                syy = 0;
                sxy = 0;
                for (int j = Math.max(0, i - w + 1); j <= i; j++) {
                    double dx = x[j] - cx;
                    double dy = y[j] - cy;
                    sx += dx;
                    sy += dy;
                    sxx += dx * dx;
                    syy += dy * dy;
                    sxy += dx * dy;
                }
            } else {
                double dx = x[i] - cx;
                double dy = y[i] - cy;
                sx += dx;
                sy += dy;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
                if (i >= w) {
                    double ex = x[i - w] - cx;
                    double ey = y[i - w] - cy;
                    sx -= ex;
                    sy -= ey;
                    sxx -= ex * ex;
                    syy -= ey * ey;
                    sxy -= ex * ey;
                }
            }
            if (i >= w - 1) {
                double vx = sxx - sx * sx / w;
                double vy = syy - sy * sy / w;
                out[i] = vx > 0 && vy > 0 ? (sxy - sx * sy / w) / Math.sqrt(vx * vy) : Double.NaN;
            } else {
                out[i] = Double.NaN;
            }
        }
    }

    /**
     * Wilder's RSI as Tideline defines it: average gain and loss seeded with the mean of the
     * first {@code p} one-bar changes (bars 1..p), then {@code avg += (x - avg) * (1 / p)}; 100 when
     * there were no losses, 50 when there was no move; NaN before bar {@code p}.
     */
    public static void rsi(double[] x, int p, double[] out) {
        double alpha = 1.0 / p; // a multiply, not a divide, on the loop-carried chain
        double gain = 0;
        double loss = 0;
        if (x.length > 0) {
            out[0] = Double.NaN;
        }
        for (int i = 1; i < x.length; i++) {
            double change = x[i] - x[i - 1];
            double g = change > 0 ? change : 0;
            double l = change < 0 ? -change : 0;
            if (i <= p) {
                gain += g;
                loss += l;
                if (i == p) {
                    gain /= p;
                    loss /= p;
                }
            } else {
                gain += (g - gain) * alpha;
                loss += (l - loss) * alpha;
            }
            out[i] = i < p ? Double.NaN : rsi(gain, loss, 50);
        }
    }

    /**
     * RSI with ta4j 0.22's seeding, used only by {@link CheckEquivalence} to show that the one
     * definitional difference from Tideline is the seed: ta4j's MMA is NaN before bar {@code p}
     * and then starts from the single gain (loss) of bar {@code p}, not from the mean of the
     * first {@code p}; and ta4j says 0, not 50, when there was no move at all.
     */
    public static void rsiTa4jSeeding(double[] x, int p, double[] out) {
        double gain = 0;
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double change = i == 0 ? 0 : x[i] - x[i - 1];
            double g = change > 0 ? change : 0;
            double l = change < 0 ? -change : 0;
            if (i < p) {
                out[i] = Double.NaN;
                continue;
            }
            if (i == p) {
                gain = g;
                loss = l;
            } else {
                gain += (g - gain) / p;
                loss += (l - loss) / p;
            }
            out[i] = rsi(gain, loss, 0);
        }
    }

    private static double rsi(double gain, double loss, double noMove) {
        if (loss == 0) {
            return gain == 0 ? noMove : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }
}
