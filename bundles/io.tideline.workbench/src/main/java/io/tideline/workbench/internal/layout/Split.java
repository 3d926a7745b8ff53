package io.tideline.workbench.internal.layout;

import java.util.List;
import java.util.Objects;

/**
 * Nodes side by side ({@code horizontal}: left to right) or one above the other, separated by
 * sashes. Immutable.
 *
 * @param weights the relative sizes, one per child, all positive
 */
public record Split(String id, boolean horizontal, List<Integer> weights, List<Node> children) implements Node {

    /** Rejects a split without two children or with weights that do not match them. */
    public Split {
        Objects.requireNonNull(id, "id");
        children = List.copyOf(children);
        weights = weights == null || weights.size() != children.size() ? evenWeights(children.size())
                : List.copyOf(weights);
        if (children.size() < 2) {
            throw new IllegalArgumentException("split " + id + " needs at least two parts, has " + children.size());
        }
        for (int w : weights) {
            if (w <= 0) {
                throw new IllegalArgumentException("split " + id + " has a non-positive weight " + w);
            }
        }
    }

    static List<Integer> evenWeights(int n) {
        Integer[] w = new Integer[n];
        java.util.Arrays.fill(w, 1000 / Math.max(1, n));
        return List.of(w);
    }
}
