package io.tideline.alerts;

import io.tideline.api.alerts.AlertKind;
import java.time.Duration;
import java.util.Objects;

/**
 * One alert rule, as read from the rules file.
 *
 * @param id names the rule in alerts and the ledger; unique in the file
 * @param kind what it watches ({@link AlertKind#TEST} only for {@code alerts test})
 * @param role the role a threshold watches ({@link AlertKind#THRESHOLD} only), else {@code null}
 * @param indicator the checklist indicator on that role (e.g. {@code change-bp(5)}) whose reading a
 *        threshold watches, or {@code null} for the role's latest value
 * @param above fire when the value rises to or above this, or {@code null}
 * @param below fire when the value falls below this, or {@code null}
 * @param minInterval the least time between two alerts of this rule about the same subject
 *        (flapping); a firing inside it is suppressed
 */
public record AlertRule(String id, AlertKind kind, String role, String indicator, Double above, Double below,
        Duration minInterval) {

    /** Checks the combination a kind needs. */
    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(minInterval, "minInterval");
        if (kind == AlertKind.THRESHOLD && (role == null || (above == null) == (below == null))) {
            throw new IllegalArgumentException("a threshold rule needs a role and exactly one of above or below");
        }
    }
}
