package io.tideline.api.platform;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that knows of problems a user should see in {@code status}: a feed that is down or
 * stale, settings that were refused, a damaged store, stale data behind a core role. Register
 * one as a DS service; {@code status} lists what every source reports and exits 1 when any
 * reports a problem, without knowing the services behind them.
 *
 * <p>Implementations must be thread-safe and quick (they are asked on the command's thread each
 * time {@code status} runs: read state already kept, do not fetch), and should not throw: a
 * source that throws is itself reported as a problem.
 *
 * @since 1.3
 */
@ConsumerType
public interface ProblemSource {

    /** The problems now, one line each; empty when all is well. */
    List<Problem> problems();
}
