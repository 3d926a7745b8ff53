package io.tideline.store.derby;

import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.StoreException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns the change log of a store shared through a Derby Network Server into change notices in
 * this process: every {@link #PERIOD_MILLIS} ms, on its own daemon thread, it reads the rows
 * committed after the last one it saw and hands those written by other store instances (another
 * {@link ChunkedSeriesStore#writer()}) to its {@link Listener}, oldest first. Its position is
 * kept in memory and starts at the log's newest row: a process that just started has read
 * nothing stale.
 *
 * <p>When the server cannot be reached it retries with a growing pause (up to
 * {@link #MAX_BACKOFF_MILLIS}), says so once in the log and in {@link #problem()}, and on
 * reconnecting reads on from its position, so nothing committed meanwhile is missed. When the
 * rows after its position were pruned while it was away (see {@link #KEEP_MINUTES}), it cannot
 * know what changed, so it announces every series as appended (and those it knew of that are
 * gone as deleted), as a restore does, so open views reload. Once a minute it also prunes the
 * log. Thread-safe.
 */
final class ChangePoller {

    /** The pause between two reads of the log. */
    static final long PERIOD_MILLIS = 500;
    /** The longest pause between two attempts while the server is away. */
    static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Change rows older than this (by the server's clock) are pruned... */
    static final int KEEP_MINUTES = 60;
    /** ...and so are all but the newest this many. */
    static final long KEEP_ROWS = 100_000;
    private static final long PRUNE_EVERY_MILLIS = 60_000;
    private static final int BATCH = 1_000;

    /** What the poller tells; called on the poller's thread, one call at a time. */
    interface Listener {

        /** Another process stored {@code count} bars of {@code series} between {@code from} and {@code to}. */
        void appended(String series, long from, long to, int count);

        /** Another process deleted {@code series}. */
        void deleted(String series);

        /**
         * The poller lost the server ({@code problem} says so for a user; {@code detail} is the
         * driver's message, for the log) or, with both null, reached it again.
         */
        void connection(String problem, String detail);
    }

    private final ChunkedSeriesStore store;
    private final Listener listener;
    private final ScheduledExecutorService thread;
    private final Set<String> known = new HashSet<>();
    /** The newest sequence read; -1 until the first read of the log. */
    private volatile long position = -1;
    private long backoff;
    private long nextPrune;
    private volatile String problem;

    private ChangePoller(ChunkedSeriesStore store, Listener listener) {
        this.store = store;
        this.listener = listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-store-changes");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts polling {@code store}'s change log from its newest row, read on the poller's
     * thread (so a server that is away already does not hold up the caller).
     */
    static ChangePoller start(ChunkedSeriesStore store, Listener listener) {
        ChangePoller poller = new ChangePoller(store, listener);
        poller.thread.execute(poller::poll);
        return poller;
    }

    /** Stops polling; a read under way finishes first. */
    void stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the poller cannot read the log now, or null while it can. */
    String problem() {
        return problem;
    }

    /** The sequence of the newest change read, -1 before the log was first read. */
    long position() {
        return position;
    }

    private void poll() {
        long pause = PERIOD_MILLIS;
        try {
            if (position < 0) {
                long newest = store.lastChange();
                for (SeriesInfo s : store.list()) {
                    known.add(s.descriptor().id().toString());
                }
                position = newest;
            }
            readAll();
            prune();
            if (problem != null) {
                problem = null;
                listener.connection(null, null);
            }
            backoff = 0;
        } catch (StoreException | RuntimeException e) {
            if (problem == null) {
                problem = "change notices from other Tidelines paused: " + (unreachable(e)
                        ? "the server of " + store.where() + " cannot be reached" + below() : e.getMessage())
                        + "; retrying by itself";
                listener.connection(problem, e.getMessage());
            }
            backoff = backoff == 0 ? PERIOD_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            pause = backoff;
        }
        if (!thread.isShutdown()) {
            thread.schedule(this::poll, pause, TimeUnit.MILLISECONDS);
        }
    }

    /** The reason below Derby's client (the TLS check, say), when there is one. */
    private String below() {
        String reason = store.source().transportProblem();
        return reason == null ? "" : " (" + reason + ")";
    }

    /** Whether Derby's client says the server cannot be reached (SQLState class 08, connection). */
    static boolean unreachable(Throwable e) {
        return connectionState(e) != null;
    }

    /**
     * The first SQLState of class 08 (connection: refused, dropped, login refused as 08004) in
     * {@code e}'s causes, or null when none is.
     */
    static String connectionState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private void readAll() throws StoreException {
        while (!Thread.currentThread().isInterrupted()) {
            List<ChunkedSeriesStore.Change> changes = store.changesAfter(position, BATCH);
            if (changes.isEmpty()) {
                return;
            }
            if (changes.get(0).seq() != position + 1) {
                // The rows after our position were pruned while we were away: what changed is
                // unknown, so everything is announced; the rows read are covered by that.
                resync();
                position = changes.get(changes.size() - 1).seq();
                continue;
            }
            for (ChunkedSeriesStore.Change change : changes) {
                if (change.kind() == ChunkedSeriesStore.Change.DELETED) {
                    known.remove(change.series());
                } else {
                    known.add(change.series());
                }
                if (!change.writer().equals(store.writer())) {
                    if (change.kind() == ChunkedSeriesStore.Change.DELETED) {
                        listener.deleted(change.series());
                    } else {
                        listener.appended(change.series(), change.from(), change.to(), change.count());
                    }
                }
                position = change.seq();
            }
            if (changes.size() < BATCH) {
                return;
            }
        }
    }

    /** Every series as appended over its whole range, and those known before and gone as deleted. */
    private void resync() throws StoreException {
        Set<String> now = new HashSet<>();
        for (SeriesInfo s : store.list()) {
            String id = s.descriptor().id().toString();
            now.add(id);
            if (s.count() > 0) {
                listener.appended(id, s.firstTime(), s.lastTime(), (int) Math.min(Integer.MAX_VALUE, s.count()));
            }
        }
        for (String id : known) {
            if (!now.contains(id)) {
                listener.deleted(id);
            }
        }
        known.clear();
        known.addAll(now);
    }

    private void prune() throws StoreException {
        long now = System.currentTimeMillis();
        if (now >= nextPrune) {
            nextPrune = now + PRUNE_EVERY_MILLIS;
            store.pruneChanges(KEEP_MINUTES, KEEP_ROWS);
        }
    }
}
