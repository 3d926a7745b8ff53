package io.tideline.views.desk.checklist;

import io.tideline.regime.api.Action;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.views.desk.Messages;

/** The checklist's enums and step ids in the user's language; unknown ids (plugin steps) as they are. */
public final class Words {

    private Words() {
    }

    /** The regime's name. */
    public static String regime(Messages msg, Regime regime) {
        return msg.getOr("regime." + regime.name(), regime.name());
    }

    /** The action's name. */
    public static String action(Messages msg, Action action) {
        return msg.getOr("action." + action.name(), action.name());
    }

    /** The status's name. */
    public static String status(Messages msg, Status status) {
        return msg.getOr("status." + status.name(), status.name());
    }

    /** The step's title: a built-in step's translated name, else its id. */
    public static String step(Messages msg, String id) {
        return msg.getOr("step." + id, id);
    }
}
