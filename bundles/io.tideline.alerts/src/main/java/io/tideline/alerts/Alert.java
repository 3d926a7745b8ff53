package io.tideline.alerts;

import java.util.Objects;

/**
 * One alert as it is delivered and written to the ledger.
 *
 * @param id unique within the ledger, e.g. {@code 1764713400000-regime}
 * @param rule the id of the rule that fired it ({@code test} for {@code alerts test})
 * @param kind the rule's kind
 * @param timeMillis when it fired, epoch ms UTC
 * @param asOf the verdict day or the day of the value it is about, {@code YYYY-MM-DD}, or empty
 * @param subject what it is about: {@code regime}, {@code tier}, a role (with its indicator), a stale role
 * @param previous the state before (a regime, a tier, {@code above}/{@code below}, {@code fresh})
 * @param current the state now
 * @param value the reading now for a threshold, else {@code null}
 * @param threshold the level crossed for a threshold, else {@code null}
 * @param message the alert in one English line, for a webhook's chat or a log
 */
public record Alert(String id, String rule, AlertRule.Kind kind, long timeMillis, String asOf, String subject,
        String previous, String current, Double value, Double threshold, String message) {

    /** Rejects null parts (except value and threshold). */
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(message, "message");
    }
}
