package io.tideline.workspace;

import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreHealth;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.api.workspace.WorkspaceDate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The core roles' data for {@code status}: a bound core role ({@link Roles#core()}) whose series
 * has no bar by the workspace's as-of instant, or whose newest bar by then is stale by the one
 * staleness rule of the views ({@link Freshness}: more than twice its cadence old, the weekend
 * allowed for a daily series that does not trade then). The as-of instant is the end of the
 * pinned day, or now when none is pinned, so the sample on its own date has every core role
 * fresh. Thread-safe: it keeps no state.
 */
@Component(service = ProblemSource.class)
public final class CoreRoleFreshness implements ProblemSource {

    static final String SOURCE = "core roles";

    private static final long DAY = 86_400_000L;

    @Reference
    private RoleBindings roles;

    @Reference
    private WorkspaceDate workspaceDate;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SeriesStore store;

    @Override
    public List<Problem> problems() {
        SeriesStore s = store;
        // Without a store, or with one that could not open, the store's own source says so: one
        // line, not one per role.
        if (s == null || s.health().status() == StoreHealth.Status.UNAVAILABLE) {
            return List.of();
        }
        Optional<WorkspaceDate.Pinned> pinned = workspaceDate.pinned();
        LocalDate day = pinned.map(WorkspaceDate.Pinned::day).orElse(null);
        long asOf = Freshness.asOf(day, System.currentTimeMillis());
        String when = pinned.map(p -> "at the end of " + p.day() + " (" + p.reason() + "; 'asof latest' for now)")
                .orElse("now");
        List<Problem> problems = new ArrayList<>();
        for (String role : Roles.core()) {
            Optional<SeriesId> id = roles.get(role);
            if (id.isPresent()) {
                try {
                    problem(role, id.get(), s, asOf, when).ifPresent(problems::add);
                } catch (StoreException e) {
                    problems.add(Problem.of(SOURCE, "role " + role + " (" + id.get() + ") cannot be read: "
                            + e.getMessage()));
                }
            }
        }
        return problems;
    }

    /** The problem of one bound core role, if it has one. */
    static Optional<Problem> problem(String role, SeriesId id, SeriesStore store, long asOf, String when)
            throws StoreException {
        Optional<SeriesInfo> info = store.info(id);
        if (info.isEmpty() || info.get().count() == 0) {
            return Optional.of(new Problem(SOURCE, "role " + role + " is bound to " + id + ", which holds no data"
                    + "; import it, run its feed, or bind the role to a series that has data (roles set " + role
                    + " SERIES)"));
        }
        Timeframe cadence = info.get().descriptor().timeframe();
        // Enough bars before the as-of instant for the weekend probe (14 bars) and the limit.
        long window = Math.max(30 * DAY, 20 * cadence.millis());
        SeriesData recent = store.read(id, asOf - window, asOf);
        long[] times = recent.isEmpty() ? store.read(id, Long.MIN_VALUE, asOf).copyTimes() : recent.copyTimes();
        return check(role, id, times, cadence, asOf, when);
    }

    /**
     * The problem of a core role whose series has these bar times, if it has one.
     *
     * @param times bar times at or before {@code asOf}, ascending (later ones are ignored)
     * @param when the as-of instant in words, e.g. {@code now}
     */
    static Optional<Problem> check(String role, SeriesId id, long[] times, Timeframe cadence, long asOf, String when) {
        if (times.length == 0 || times[0] > asOf) {
            return Optional.of(new Problem(SOURCE, "role " + role + " (" + id + ") has no data " + when
                    + "; its first bar is later"));
        }
        long age = Freshness.staleAge(times, cadence, asOf);
        if (age < 0) {
            return Optional.empty();
        }
        long newest = asOf - age;
        return Optional.of(new Problem(SOURCE, "role " + role + " (" + id + ") is stale " + when + ": newest bar "
                + day(newest) + ", " + ago(age) + " old (a " + cadence.label() + " series is stale after two bars"
                + (cadence == Timeframe.D1 ? ", a weekend allowed where it does not trade" : "")
                + "); run its feed or import newer data"));
    }

    private static String day(long millis) {
        return Instant.ofEpochMilli(millis).toString().substring(0, 10);
    }

    /** An age in its largest whole unit, as the views say it ({@link Freshness.Age}). */
    static String ago(long millis) {
        return Freshness.Age.of(millis).shortText();
    }
}
