package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Damage found in the store, by a read, a write or {@code db check}: which series, which time
 * range, and what is wrong, in words a user can act on (never Derby's internals: those go to
 * {@code derby.log} and stay in the exception's cause for the log).
 *
 * @param series the series id, or a description of the part of the store (e.g. "chunks of a deleted series")
 * @param from first timestamp of the damaged range, epoch ms ({@link Long#MIN_VALUE}: unknown)
 * @param to last timestamp of the damaged range, epoch ms ({@link Long#MAX_VALUE}: unknown)
 * @param what what is wrong
 */
record Damage(String series, long from, long to, String what) {

    /** What a user does about damage, appended to every damage message. */
    static final String WHAT_TO_DO = "Run 'tideline --headless db check' to list every damaged series, then restore"
            + " the latest backup ('tideline --headless db restore DIR'; 'db backup' makes one) and re-import or"
            + " refetch what came after it";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /** One line for {@code db check}: series, range, what is wrong. */
    String oneLine() {
        return series + "  " + range(from, to) + "  " + what;
    }

    /** The exception a read or write of the damaged series fails with. */
    DamagedException exception(String action, Throwable cause) {
        return new DamagedException(this, "cannot " + action + ": series " + series + " is damaged ("
                + range(from, to) + "): " + what + ". " + WHAT_TO_DO, cause);
    }

    /** A time range in words: dates, or dates and times when not at midnight UTC. */
    static String range(long from, long to) {
        if (from == Long.MIN_VALUE && to == Long.MAX_VALUE) {
            return "all bars";
        }
        if (from == Long.MIN_VALUE) {
            return "up to " + time(to);
        }
        if (to == Long.MAX_VALUE) {
            return "from " + time(from);
        }
        return time(from) + " .. " + time(to);
    }

    static String time(long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        return millis % 86_400_000L == 0 ? DATE.format(t) : DATE_TIME.format(t);
    }

    /**
     * Whether Derby's error says its files are damaged (pages, containers, the log, a Java
     * exception inside the engine), rather than a lock, a full disk or a bad statement.
     */
    static boolean isDamage(Throwable e) {
        if (outOfMemory(e)) {
            // Derby reports running out of memory as a log it cannot flush (XSLA0): the files are
            // intact, and telling the user to restore a backup would be wrong.
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException n = sql; n != null; n = n.getNextException()) {
                    if (damageState(n.getSQLState())) {
                        return true;
                    }
                }
            } else if (t instanceof RuntimeException && fromDerby(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an OutOfMemoryError is among the causes (or the next exceptions) of {@code e}. */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException n = sql.getNextException(); n != null; n = n.getNextException()) {
                    if (outOfMemory(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean damageState(String state) {
        if (state == null || state.equals("XSDB6") || state.equals("XSDG1")) {
            return false; // in use by another process; disk full
        }
        return state.startsWith("XSDA") || state.startsWith("XSDB") || state.startsWith("XSDF")
                || state.startsWith("XSDG") || state.startsWith("XSLA") || state.startsWith("XSLB")
                || state.startsWith("XSCB") || state.startsWith("XSCH") || state.startsWith("XSAI")
                || state.startsWith("XSRS") || state.equals("XJ001");
    }

    /** A runtime exception thrown inside Derby's engine (e.g. on a page it cannot make sense of). */
    static boolean fromDerby(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.apache.derby");
    }

    /** A read or write refused because the series is damaged; the message says what to do. */
    static final class DamagedException extends StoreException {

        private static final long serialVersionUID = 1L;

        private final transient Damage damage;

        DamagedException(Damage damage, String message, Throwable cause) {
            super(message, cause);
            this.damage = damage;
        }

        Damage damage() {
            return damage;
        }
    }
}
