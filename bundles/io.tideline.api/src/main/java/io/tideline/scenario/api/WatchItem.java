package io.tideline.scenario.api;

import java.util.Map;
import java.util.Objects;

/**
 * A condition close to flipping, and what a flip would do to the odds.
 *
 * @param conditionId the condition's id
 * @param text what it says
 * @param state its state on the day (MET or NOT_MET)
 * @param value its value
 * @param threshold its threshold
 * @param distance how far the value is from the threshold, in standard deviations of the condition's
 *        own history up to the day (smaller is closer to flipping)
 * @param ifFlipped the probability of each scenario if this condition alone flipped
 * @param moves the scenario whose probability a flip would move most
 * @param change that scenario's change in probability (signed, as a fraction: 0.12 = +12 points)
 */
public record WatchItem(String conditionId, String text, ConditionState state, double value, double threshold,
        double distance, Map<String, Double> ifFlipped, String moves, double change) {

    /** Copies the map. */
    public WatchItem {
        Objects.requireNonNull(conditionId, "conditionId");
        ifFlipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ifFlipped));
    }
}
