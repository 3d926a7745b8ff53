package io.tideline.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * One alert rule, as read from the rules file.
 *
 * @param id names the rule in alerts and the ledger; unique in the file
 * @param kind what it watches
 * @param role the role a threshold watches ({@link Kind#THRESHOLD} only), else {@code null}
 * @param indicator the checklist indicator on that role (e.g. {@code change-bp(5)}) whose reading a
 *        threshold watches, or {@code null} for the role's latest value
 * @param above fire when the value rises to or above this, or {@code null}
 * @param below fire when the value falls below this, or {@code null}
 * @param minInterval the least time between two alerts of this rule about the same subject
 *        (flapping); a firing inside it is suppressed
 */
public record AlertRule(String id, Kind kind, String role, String indicator, Double above, Double below,
        Duration minInterval) {

    /** What a rule watches. */
    public enum Kind {
        /** The checklist's regime changed. */
        REGIME_CHANGE("regime-change"),
        /** The checklist's tier changed. */
        TIER_CHANGE("tier-change"),
        /** A role's value, or a checklist reading on it, crossed a level. */
        THRESHOLD("threshold"),
        /** A role the checklist reads has data older than its staleness limit. */
        STALE_FEED("stale-feed"),
        /** {@code alerts test}: not a rule kind of the file. */
        TEST("test");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The kind as written in the rules file and the ledger. */
        public String word() {
            return word;
        }

        /** The kind written as {@code word}, or {@code null}. */
        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Checks the combination a kind needs. */
    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(minInterval, "minInterval");
        if (kind == Kind.THRESHOLD && (role == null || (above == null) == (below == null))) {
            throw new IllegalArgumentException("a threshold rule needs a role and exactly one of above or below");
        }
    }
}
