package io.tideline.views.desk;

import java.util.Objects;

/**
 * One entry of the alert log, kept as data so each view words it in the user's language.
 *
 * @param timeMillis when it was noticed, epoch ms UTC
 * @param kind what happened
 * @param asOf the verdict day it belongs to, {@code YYYY-MM-DD}
 * @param subject for a threshold crossing the role and indicator (e.g. {@code us10y change-bp(5)});
 *        for a regime change {@code regime}
 * @param previous the regime before, or for a crossing the side of the threshold before ({@code above}/{@code below})
 * @param current the regime now, or the side now
 * @param value the reading now (crossings), else {@code null}
 * @param threshold the threshold crossed (crossings), else {@code null}
 * @param source the series behind the subject ({@code role = series id}), or the rule for a regime change
 */
public record Alert(long timeMillis, Kind kind, String asOf, String subject, String previous, String current,
        Double value, Double threshold, String source) {

    /** What an alert is about. */
    public enum Kind {
        /** The checklist's regime changed. */
        REGIME,
        /** A checklist reading crossed its threshold. */
        THRESHOLD
    }

    /** Rejects null parts (except value, threshold and source). */
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }
}
