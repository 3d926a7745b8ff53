package io.tideline.indicators;

import io.tideline.api.indicator.sdk.BarComputation;
import java.util.function.Supplier;

/**
 * What the breadth indicators share: a computation over a basket of members (one column each,
 * the spec's variadic last slot) that outputs the share, 0 to 1, of the qualifying members for
 * which a per-member rolling condition holds.
 *
 * <p>NaN rule: a member qualifies on a bar when its value is valid and its own rolling window is
 * complete (it holds {@code window} valid values, the package rule of
 * {@link io.tideline.indicators.rolling}); the share is taken over the qualifying members only,
 * so a member with a gap, or one listed later, leaves the denominator until its window is whole
 * again instead of counting as "no". NaN when no member qualifies. The first {@code window - 1}
 * bars are unstable. O(members) per bar, O(1) per member.
 */
final class Breadth {

    /** One member's rolling state. */
    interface Member {

        /** Adds the member's value for the bar: 1 if the condition holds, 0 if not, -1 if it does not qualify. */
        int add(double x);
    }

    private Breadth() {
    }

    /** A computation over at least one member column, each with a fresh state from {@code members}. */
    static BarComputation of(int unstableBars, Supplier<Member> members) {
        return new BarComputation(1, true, unstableBars) {
            private Member[] state;

            @Override
            protected void begin(int columns) {
                state = new Member[columns];
                for (int m = 0; m < columns; m++) {
                    state[m] = members.get();
                }
            }

            @Override
            protected void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
                for (int i = from; i < to; i++) {
                    int qualifying = 0;
                    int holding = 0;
                    for (int m = 0; m < state.length; m++) {
                        int verdict = state[m].add(inputs[m][i]);
                        if (verdict >= 0) {
                            qualifying++;
                            holding += verdict;
                        }
                    }
                    out[i] = qualifying > 0 ? (double) holding / qualifying : Double.NaN;
                }
            }
        };
    }
}
