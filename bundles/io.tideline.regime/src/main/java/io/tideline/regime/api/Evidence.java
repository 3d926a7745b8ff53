package io.tideline.regime.api;

import java.util.Objects;

/**
 * One reading behind a step's status.
 *
 * @param role the role read (e.g. {@code us10y}), or two joined with {@code /}
 * @param indicator what was computed, e.g. {@code change-bp(5)} or {@code realized-vol(20)}
 * @param value the reading as of the day, or {@code null} when the input has no data then
 * @param threshold the threshold it was compared with, or {@code null} for context only
 * @param rule the rule in words, e.g. {@code 10Y up >= 15 bp in 5 days is adverse}
 */
public record Evidence(String role, String indicator, Double value, Double threshold, String rule) {

    /** Rejects null names. */
    public Evidence {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(rule, "rule");
    }
}
