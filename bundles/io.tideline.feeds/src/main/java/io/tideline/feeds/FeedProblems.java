package io.tideline.feeds;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.platform.Problem;
import io.tideline.api.series.Freshness;
import io.tideline.api.store.RecordedFeed;
import io.tideline.feed.http.Printable;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The rules by which a feed is a problem for {@code status}, and the health the scheduler
 * records for a connector that keeps none itself. Stateless.
 *
 * <p>A feed is a problem when it is {@code DOWN} (its fetches fail, or its settings were refused
 * and it cannot fetch at all: the reason names the file, key, value and what was expected), or
 * when it is stale: it fetched successfully once, but not within {@link #staleAfterMillis}. A
 * feed that never fetched ({@code UNKNOWN}) is not a problem: a workspace may live on the sample
 * or on imports alone.
 */
final class FeedProblems {

    static final String SOURCE = "feeds";

    private static final long DAY = TimeUnit.DAYS.toMillis(1);

    private FeedProblems() {
    }

    /**
     * How old a feed's last success may be before the feed is stale: two refresh periods, and at
     * least a day, so a feed run by hand once a day (headless, {@code feeds run}) is not stale.
     */
    static long staleAfterMillis(int refreshMinutes) {
        return Math.max(DAY, 2 * TimeUnit.MINUTES.toMillis(refreshMinutes));
    }

    /**
     * The problem of one feed, if it has one.
     *
     * @param source the feed's source, e.g. {@code fred}
     * @param health what {@code feeds status} shows for it
     * @param recordedMillis when that health was recorded by an earlier process, or 0 when it is this process's
     * @param nowMillis the clock
     * @param staleAfterMillis see {@link #staleAfterMillis}
     */
    static Optional<Problem> of(String source, FeedHealth health, long recordedMillis, long nowMillis,
            long staleAfterMillis) {
        String when = recordedMillis > 0 ? " (recorded " + time(recordedMillis) + ", before this process)" : "";
        return of(source, health, when, "", nowMillis, staleAfterMillis);
    }

    /**
     * The problem of one feed as the desk's collector recorded it in the shared store, told as
     * the collector's, with how old the record is; for a Tideline that runs no feeds.
     */
    static Optional<Problem> ofCollector(RecordedFeed feed, long nowMillis, long staleAfterMillis) {
        return of(feed.source(), feed.health(), " (" + collectorsRecord(feed, nowMillis) + ")", " on the collector",
                nowMillis, staleAfterMillis);
    }

    /**
     * A problem when the collector's record is older than a feed may be before it is stale: the
     * collector has not run the feeds since, so it is likely not running.
     */
    static Optional<Problem> collectorSilent(RecordedFeed newest, long nowMillis, long staleAfterMillis) {
        long age = nowMillis - newest.recordedMillis();
        if (age <= staleAfterMillis) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(SOURCE, "the collector " + Printable.of(newest.collector())
                + " last recorded the feeds' health " + time(newest.recordedMillis()) + ", " + ago(age)
                + " ago: it may not be running; start it ('tideline --headless serve' on the shared store)"));
    }

    /** "the collector HOST (pid N)'s record of TIME, AGE old". */
    static String collectorsRecord(RecordedFeed feed, long nowMillis) {
        return "the collector " + Printable.of(feed.collector()) + "'s record of " + time(feed.recordedMillis())
                + ", " + ago(Math.max(0, nowMillis - feed.recordedMillis())) + " old";
    }

    private static Optional<Problem> of(String source, FeedHealth health, String when, String where, long nowMillis,
            long staleAfterMillis) {
        String feed = "feed " + Printable.of(source);
        if (health.state() == FeedHealth.State.DOWN) {
            String error = health.lastError() == null ? "no reason given" : Printable.shortened(health.lastError(), 600);
            return Optional.of(Problem.of(SOURCE, feed + " is DOWN, last success " + time(health.lastSuccessMillis())
                    + ": " + error + when + (error.startsWith("settings rejected") ? "; fix the setting: the file is"
                            + " read again when it changes"
                            : "; 'feeds run " + Printable.of(source) + "'" + where + " tries again")));
        }
        long last = health.lastSuccessMillis();
        if (last > 0 && nowMillis - last > staleAfterMillis) {
            return Optional.of(Problem.of(SOURCE, feed + " is stale: last success " + time(last) + ", "
                    + ago(nowMillis - last) + " ago (stale after " + ago(staleAfterMillis)
                    + ")" + (health.lastError() == null ? "" : "; last error: "
                            + Printable.shortened(health.lastError(), 300)) + when + "; 'feeds run "
                    + Printable.of(source) + "'" + where + " fetches now"));
        }
        return Optional.empty();
    }

    /**
     * The health a run shows for a connector that reports none of its own ({@code UNKNOWN} after
     * fetching): {@code UP} when every series came, {@code DOWN} with the first error when none
     * did, {@code DEGRADED} in between. Empty when the connector offered nothing to fetch.
     *
     * @param previous what was known before the run, for the last success
     */
    static Optional<FeedHealth> observed(FeedRun.Outcome outcome, long nowMillis, FeedHealth previous) {
        if (outcome.series() == 0) {
            return Optional.empty();
        }
        long lastSuccess = previous == null ? 0 : previous.lastSuccessMillis();
        if (outcome.errors().isEmpty()) {
            return Optional.of(new FeedHealth(FeedHealth.State.UP, nowMillis, null));
        }
        String first = outcome.errors().get(0);
        String error = outcome.errors().size() == 1 ? first : first + " (and " + (outcome.errors().size() - 1)
                + " more of " + outcome.series() + " series)";
        FeedHealth.State state = outcome.errors().size() >= outcome.series() ? FeedHealth.State.DOWN
                : FeedHealth.State.DEGRADED;
        return Optional.of(new FeedHealth(state, state == FeedHealth.State.DEGRADED ? nowMillis : lastSuccess, error));
    }

    static String time(long millis) {
        return millis <= 0 ? "never" : Instant.ofEpochMilli(millis).toString().substring(0, 16) + "Z";
    }

    /** A duration in its largest whole unit, by the rule the views use ({@link Freshness.Age}). */
    static String ago(long millis) {
        return Freshness.Age.of(millis).shortText();
    }
}
