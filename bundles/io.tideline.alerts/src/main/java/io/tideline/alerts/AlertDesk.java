package io.tideline.alerts;

import io.tideline.api.alerts.Alerts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The running alerts, as the {@code alerts} command sees them: the public {@link Alerts} service
 * and what only the command needs. A service private to this bundle (its package is not
 * exported), so that the command stays a thin class over it.
 */
public interface AlertDesk extends Alerts {

    /** Sends a test alert through every channel; the future ends when each was tried. */
    Future<?> test(long nowMillis);

    /** The ledger's file. */
    Path ledger();

    /** The problems a user should act on (a refused rules file or setting), one line each. */
    List<String> refusals();
}
