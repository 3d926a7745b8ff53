package io.tideline.platform.internal;

import java.io.PrintStream;
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

    @Activate
    void activate() {
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level != LogLevel.WARN && level != LogLevel.ERROR && level != LogLevel.AUDIT) {
            return;
        }
        out.println(format(entry));
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
