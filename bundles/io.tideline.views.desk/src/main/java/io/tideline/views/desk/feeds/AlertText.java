package io.tideline.views.desk.feeds;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.regime.api.Regime;
import io.tideline.views.desk.Messages;
import io.tideline.views.desk.checklist.Words;
import java.text.NumberFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert of the alerts bundle in the user's words, worded from its fields (the alert's own
 * {@link Alert#message} is English, for webhooks and logs).
 */
public final class AlertText {

    private AlertText() {
    }

    /** The one-line message of {@code alert}. */
    public static String message(Messages msg, Alert alert) {
        String asOf = alert.asOf().isEmpty() ? "\u2014" : alert.asOf();
        return switch (alert.kind()) {
            case REGIME_CHANGE -> msg.format("alert.regime", regime(msg, alert.previous()), regime(msg, alert.current()),
                    asOf);
            case TIER_CHANGE -> msg.format("alert.tier", alert.previous(), alert.current(), asOf);
            case THRESHOLD -> msg.format("below".equals(alert.current()) ? "alert.threshold.below"
                    : "alert.threshold.above", alert.subject(), number(msg, alert.threshold()),
                    number(msg, alert.value()), asOf);
            case STALE_FEED -> msg.format("alert.stale", alert.subject(), asOf);
            case CHECKLIST_CROSSING -> msg.format("alert.crossing", alert.subject(), side(msg, alert.current()),
                    number(msg, alert.threshold()), number(msg, alert.value()), asOf);
            case TEST -> msg.get("alert.test");
        };
    }

    /** The kind in words. */
    public static String kind(Messages msg, Alert alert) {
        return msg.get("alert.kind." + alert.kind().word());
    }

    /**
     * Where the alert went, short: each channel tried with ✓ (delivered) or ✗ (failed), e.g.
     * {@code banner ✓, webhook ✗}; "not yet" before any channel was tried.
     */
    public static String delivery(Messages msg, TrackedAlert tracked) {
        if (tracked.states().isEmpty()) {
            return msg.get("feeds.delivery.pending");
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> s : new TreeMap<>(tracked.states()).entrySet()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(s.getKey()).append(s.getValue().equals("delivered") ? " \u2713" : " \u2717");
        }
        return sb.toString();
    }

    /**
     * Where the alert went, in full: one line per channel with its state as the ledger has it
     * ({@code webhook: failed: HTTP 503 from … after 3 attempts}, in English), or {@code null}
     * before any channel was tried.
     */
    public static String deliveryDetail(TrackedAlert tracked) {
        if (tracked.states().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> s : new TreeMap<>(tracked.states()).entrySet()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(s.getKey()).append(": ").append(s.getValue());
        }
        return sb.toString();
    }

    private static String side(Messages msg, String side) {
        return "above".equals(side) || "below".equals(side) ? msg.get("alert.side." + side) : side;
    }

    private static String regime(Messages msg, String name) {
        try {
            return Words.regime(msg, Regime.valueOf(name));
        } catch (IllegalArgumentException e) {
            // A regime this build does not know (newer checklist): show its name as posted.
            return name;
        }
    }

    /** A reading in the user's digits: grouped, with fewer decimals the larger it is (4,000; 17.5; 0.0123). */
    static String number(Messages msg, Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "\u2014";
        }
        NumberFormat f = NumberFormat.getNumberInstance(msg.locale());
        double abs = Math.abs(v);
        f.setMaximumFractionDigits(abs >= 100 ? 1 : abs >= 1 ? 3 : 5);
        return f.format(v);
    }
}
