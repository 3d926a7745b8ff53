package io.tideline.views.desk.feeds;

import io.tideline.regime.api.Regime;
import io.tideline.views.desk.Alert;
import io.tideline.views.desk.Messages;
import io.tideline.views.desk.checklist.Words;

/** An alert in the user's words. */
public final class AlertText {

    private AlertText() {
    }

    /** The one-line message of {@code alert}. */
    public static String message(Messages msg, Alert alert) {
        if (alert.kind() == Alert.Kind.REGIME) {
            return msg.format("alert.regime", regime(msg, alert.previous()), regime(msg, alert.current()), alert.asOf());
        }
        return msg.format("alert.threshold", alert.subject(), msg.get("alert.side." + alert.current()),
                number(msg, alert.threshold()), number(msg, alert.value()), alert.asOf());
    }

    /** The kind in words. */
    public static String kind(Messages msg, Alert alert) {
        return msg.get("alert.kind." + alert.kind().name());
    }

    private static String regime(Messages msg, String name) {
        try {
            return Words.regime(msg, Regime.valueOf(name));
        } catch (IllegalArgumentException e) {
            // A regime this build does not know (newer checklist): show its name as posted.
            return name;
        }
    }

    private static String number(Messages msg, Double v) {
        return v == null ? "\u2014" : String.format(msg.locale(), "%.3g", v);
    }
}
