package io.tideline.store.derby;

import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreHealth;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The series store's problems for {@code status}: a store that could not open, or that failed
 * its last {@code db check} (or a read since), with each damaged range and what to do.
 * Thread-safe: the store keeps its health.
 */
@Component(service = ProblemSource.class)
public final class StoreProblems implements ProblemSource {

    static final String SOURCE = "series store";

    @Reference
    private SeriesStore store;

    @Override
    public List<Problem> problems() {
        return of(store.health());
    }

    /** The problems of a store in this health, one line each. */
    static List<Problem> of(StoreHealth health) {
        if (!health.isProblem()) {
            return List.of();
        }
        List<Problem> lines = new ArrayList<>();
        if (health.status() == StoreHealth.Status.UNAVAILABLE) {
            health.problems().forEach(p -> lines.add(Problem.of(SOURCE, "series store: " + p)));
        } else {
            lines.add(new Problem(SOURCE, "series store: damaged" + (health.checkedAt() == null ? ""
                    : " (last 'db check' " + health.checkedAt() + ")") + "; run 'tideline --headless db check', then"
                    + " restore the latest backup (db restore DIR)"));
            health.problems().forEach(p -> lines.add(Problem.of(SOURCE, "damaged: " + p)));
        }
        return lines;
    }
}
