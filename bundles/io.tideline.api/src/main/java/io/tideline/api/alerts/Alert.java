package io.tideline.api.alerts;

import java.util.Objects;

/**
 * One alert as the alerts bundle fired it: delivered through its channels, written to its ledger
 * and shown by the views. The fields are data, so that a view words the alert in the user's
 * language; {@link #message} is the same alert in one English line for a webhook's chat or a log.
 *
 * @param id unique within the ledger, e.g. {@code 1764713400000-regime-regime}
 * @param rule the id of the rule that fired it ({@code test} for a test alert)
 * @param kind the rule's kind
 * @param timeMillis when it fired, epoch ms UTC
 * @param asOf the verdict day or the day of the value it is about, {@code YYYY-MM-DD}, or empty
 * @param subject what it is about: {@code regime}, {@code tier}, a role, a role with a checklist
 *        indicator ({@code us10y change-bp(5)}), a stale role, {@code test}
 * @param previous the state before: a regime's name, a tier ({@code 2}), {@code above} or
 *        {@code below}, {@code fresh}
 * @param current the state now, in the same terms
 * @param value the reading now for a threshold or a checklist crossing, else {@code null}
 * @param threshold the level crossed for a threshold or a checklist crossing, else {@code null}
 * @param source where the reading comes from, to trace it: the roles with their series and the
 *        checklist's rule (e.g. {@code us10y = fred:DGS10 — 10Y up >= 15 bp in 5 days is adverse}),
 *        or empty
 * @param message the alert in one English line
 */
public record Alert(String id, String rule, AlertKind kind, long timeMillis, String asOf, String subject,
        String previous, String current, Double value, Double threshold, String source, String message) {

    /** Rejects null parts, except value and threshold; a null source is taken as empty. */
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(message, "message");
        source = source == null ? "" : source;
    }
}
