package io.tideline.regime;

import io.tideline.support.series.Availability;
import io.tideline.api.series.SeriesId;
import io.tideline.regime.api.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The latest verdict, kept between calls and brought up to date incrementally. It is held per
 * {@link Key} (rules, role bindings, availability rules) and per data version (what the caller
 * sees of the stored series, e.g. each bound series' count and last time):
 * <ul>
 * <li>same key, same data version, same decided day, nothing announced since: the kept verdict,
 *     nothing computed (several callers after one burst of bars cost one computation);</li>
 * <li>bars appended after the last walked day: the indicator graph is evaluated again and only the
 *     new days are judged, the hysteresis walking on from its kept state
 *     ({@link Checks#latest(long, Checks.Walk)});</li>
 * <li>other rules, bindings or availability, a deleted series, bars written at or before the last
 *     walked day (a backfill or a revision): everything from the anchor, as a full replay.</li>
 * </ul>
 * Whatever the path, the verdict equals a full replay's ({@code Checks.latest(now)}): the walk
 * checks the bars its days could read itself, so an announcement that arrives late can cost a
 * computation but never a wrong verdict, except while bars already change in the store and
 * nothing has been announced yet; the data version closes most of that window. A replay ending on
 * the latest verdict's day (the checklist view's year-long timeline) is read from the kept walk's
 * last days while the walk is current ({@link #replay}). Thread-safe.
 */
final class LatestVerdict {

    /**
     * What a kept walk depends on besides the data.
     *
     * @param rules the checklist rules in force
     * @param availability the availability rules in force
     * @param bindings role to series id, as bound now
     */
    record Key(Rules rules, Availability availability, Map<String, SeriesId> bindings) {
        Key {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(availability, "availability");
            bindings = Map.copyOf(bindings);
        }
    }

    /** The latest verdict and the checks that made it (for the decision time of plugin steps). */
    record Latest(Checks checks, Verdict verdict) {
    }

    /** The verdicts of a replay and the checks that made them (for the decision time of plugin steps). */
    record Replayed(Checks checks, List<Verdict> verdicts) {
    }

    private Key key;
    private Checks checks;
    private Checks.Walk walk;
    private Object version;
    private boolean dirty = true;
    private int computations;
    private int fullWalks;
    private long daysJudged;
    private int keptReplays;
    private int fullReplays;

    /**
     * The latest verdict at {@code nowMillis}.
     *
     * @param key what the checks are made of now
     * @param make makes checks for {@code key} when it differs from the kept one
     * @param version the data version now (compared with {@code equals}); null when unknown, which
     *     always computes (walking on where the kept walk still stands)
     */
    synchronized Latest latest(Key key, Supplier<Checks> make, Object version, long nowMillis) {
        if (!key.equals(this.key)) {
            this.key = key;
            checks = make.get();
            walk = null;
        }
        if (current(key, version, nowMillis)) {
            return new Latest(checks, walk.verdict());
        }
        // Cleared before computing: an announcement during the computation marks it dirty again.
        dirty = false;
        Checks.Walk next = checks.latest(nowMillis, walk);
        computations++;
        fullWalks += next.full() ? 1 : 0;
        daysJudged += next.walked();
        walk = next;
        this.version = version;
        return new Latest(checks, next.verdict());
    }

    /**
     * Whether the kept walk is what {@link #latest} would return as it is: made for {@code key},
     * with the same data version, decided day, and nothing announced since.
     */
    private boolean current(Key key, Object version, long nowMillis) {
        return key.equals(this.key) && walk != null && !dirty && version != null && version.equals(this.version)
                && checks.decided(nowMillis).equals(walk.decided());
    }

    /**
     * One verdict per calendar day in {@code from..to}, equal to {@code Checks.replay(from, to)}:
     * read from the kept walk's last days, judging none, when the walk is current (what
     * {@link #latest} would return without computing) and {@link Checks#kept} can tell them (the
     * checklist view's year-long timeline ending on the latest verdict's day); otherwise a full
     * replay, which leaves the kept walk as it is. The replay runs outside this object's lock.
     *
     * @param key what the checks are made of now
     * @param make makes checks for {@code key} when it differs from the kept one
     * @param version the data version now, as for {@link #latest}
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    Replayed replay(Key key, Supplier<Checks> make, Object version, long nowMillis, LocalDate from, LocalDate to) {
        Checks c;
        synchronized (this) {
            if (current(key, version, nowMillis)) {
                List<Verdict> kept = checks.kept(walk, from, to);
                if (kept != null) {
                    keptReplays++;
                    return new Replayed(checks, kept);
                }
            }
            c = key.equals(this.key) ? checks : null;
            fullReplays++;
        }
        if (c == null) {
            c = make.get();
        }
        return new Replayed(c, c.replay(from, to));
    }

    /**
     * The store announced bars observed from {@code fromMillis} on: the next call computes, walking
     * on when they all follow the last walked day, from the anchor otherwise.
     */
    synchronized void appended(long fromMillis) {
        dirty = true;
        if (walk != null && fromMillis < walk.settledBefore()) {
            walk = null;
        }
    }

    /** A series was deleted or roles rebound: the next call walks every day again. */
    synchronized void invalidate() {
        dirty = true;
        walk = null;
    }

    /** How many times the verdict was computed (graph evaluated, days judged), for tests. */
    synchronized int computations() {
        return computations;
    }

    /** How many of those walked every day from the anchor, for tests. */
    synchronized int fullWalks() {
        return fullWalks;
    }

    /** How many replays were read from the kept walk, for tests. */
    synchronized int keptReplays() {
        return keptReplays;
    }

    /** How many replays walked every day from the anchor instead, for tests. */
    synchronized int fullReplays() {
        return fullReplays;
    }

    /** How many days were judged in all by {@link #latest}, for tests and the benchmark. */
    synchronized long daysJudged() {
        return daysJudged;
    }
}
