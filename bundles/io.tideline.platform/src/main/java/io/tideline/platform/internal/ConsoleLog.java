package io.tideline.platform.internal;

import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints warnings and errors of every bundle's log to standard error, one line each (plus the
 * exception's first line), so a user running {@code ./tideline} sees what failed and where.
 */
@Component(immediate = true)
public final class ConsoleLog implements LogListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintStream out = System.err;

    @Reference
    private LogReaderService reader;

    /** Sequence numbers printed while the history is replayed, so no entry prints twice. */
    private final Set<Long> replayed = ConcurrentHashMap.newKeySet();
    private volatile boolean replaying = true;

    /**
     * Listens, then prints the warnings logged before this bundle started (the workbench starts
     * early, and its first warnings, such as an unusable layout file, must not be lost).
     */
    @Activate
    void activate() {
        reader.addLogListener(this);
        List<LogEntry> past = Collections.list(reader.getLog());
        Collections.reverse(past); // the log lists the newest first
        for (LogEntry e : past) {
            if (shown(e) && replayed.add(e.getSequence())) {
                out.println(format(e));
            }
        }
        replaying = false;
        replayed.clear();
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (!shown(entry) || (replaying && !replayed.add(entry.getSequence()))) {
            return;
        }
        out.println(format(entry));
    }

    private static boolean shown(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        return level == LogLevel.WARN || level == LogLevel.ERROR || level == LogLevel.AUDIT;
    }

    static String format(LogEntry entry) {
        StringBuilder line = new StringBuilder()
                .append(TIME.format(Instant.ofEpochMilli(entry.getTime()))).append(' ')
                .append(entry.getLogLevel()).append(' ')
                .append(entry.getBundle() == null ? "-" : entry.getBundle().getSymbolicName()).append(": ")
                .append(entry.getMessage());
        Throwable t = entry.getException();
        if (t != null) {
            line.append(" (").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(')');
        }
        return line.toString();
    }
}
