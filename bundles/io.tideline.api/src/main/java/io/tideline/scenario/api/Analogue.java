package io.tideline.scenario.api;

import java.util.Map;
import java.util.Objects;

/**
 * A past episode compared with the day's indicator state.
 *
 * @param episode the episode's name, e.g. {@code COVID crash}
 * @param date the episode's day
 * @param distance the Euclidean distance between the two feature vectors, each feature divided by
 *        the standard deviation of its history, scaled to all features when some were missing
 * @param features how many features both days had (the others were skipped)
 * @param next what happened next in the data: the forward return per role over the pack's horizon
 *        (e.g. {@code btc: -0.12}); a role without data that far is absent
 */
public record Analogue(String episode, String date, double distance, int features, Map<String, Double> next) {

    /** Copies the map. */
    public Analogue {
        Objects.requireNonNull(episode, "episode");
        next = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(next));
    }
}
