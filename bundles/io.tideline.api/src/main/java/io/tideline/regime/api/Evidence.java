package io.tideline.regime.api;

import java.util.Objects;

/**
 * One reading behind a step's status.
 *
 * @param role the role read (e.g. {@code us10y}), or two joined with {@code /}
 * @param indicator what was computed, e.g. {@code change-bp(5)} or {@code realized-vol(20)}
 * @param value the reading as of the verdict's decision time, or {@code null} when the input has
 *     no data available then or its last value is stale
 * @param threshold the threshold it was compared with, or {@code null} for context only
 * @param rule the rule in words, e.g. {@code 10Y up >= 15 bp in 5 days is adverse}
 * @param observed the observation day ({@code YYYY-MM-DD}) of the last value available at the
 *     decision time, used or stale; {@code null} when none is (since 1.1)
 * @param ageDays calendar days from {@code observed} to the verdict's day, e.g. 2 for Friday's
 *     close on a Sunday; {@code null} with {@code observed} (since 1.1)
 */
public record Evidence(String role, String indicator, Double value, Double threshold, String rule, String observed,
        Integer ageDays) {

    /** Rejects null names. */
    public Evidence {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(rule, "rule");
    }

    /** A reading without an observation day (context, or a team's own step). */
    public Evidence(String role, String indicator, Double value, Double threshold, String rule) {
        this(role, indicator, value, threshold, rule, null, null);
    }
}
