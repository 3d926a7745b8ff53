package io.tideline.cli.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.series.Times;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code series list | show ID [--from T] [--to T] | delete ID}: what the store holds, one
 * series as CSV, or deleting one. Times as {@link Times} reads them.
 */
@Component
public final class SeriesCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SeriesStore store;

    @Override
    public String name() {
        return "series";
    }

    @Override
    public String summary() {
        return "list the stored series, print one as CSV, or delete one";
    }

    @Override
    public String usage() {
        return "series list | series show ID [--from TIME] [--to TIME] | series delete ID";
    }

    @Override
    public int run(CommandRequest request) throws StoreException {
        List<String> args = request.args();
        if (args.isEmpty()) {
            return usage(request.err());
        }
        SeriesStore s = store;
        if (s == null) {
            request.err().println("series: no series store is running (is io.tideline.store.derby installed and active?"
                    + " see tideline --headless status)");
            return FAILED;
        }
        try {
            return switch (args.get(0)) {
                case "list" -> args.size() == 1 ? list(s, request.out()) : usage(request.err());
                case "show" -> show(s, args, request);
                case "delete" -> args.size() == 2 ? delete(s, SeriesId.parse(args.get(1)), request) : usage(request.err());
                default -> usage(request.err());
            };
        } catch (IllegalArgumentException e) {
            request.err().println("series: " + e.getMessage());
            return USAGE;
        }
    }

    private int usage(PrintStream err) {
        err.println("usage: " + usage());
        return USAGE;
    }

    private static int list(SeriesStore s, PrintStream out) throws StoreException {
        List<SeriesInfo> all = s.list();
        out.printf("%-28s  %-11s  %-4s  %-10s  %-10s  %10s  %s%n", "SERIES", "KIND", "TF", "FIRST", "LAST", "BARS", "NAME");
        for (SeriesInfo i : all) {
            out.printf("%-28s  %-11s  %-4s  %-10s  %-10s  %,10d  %s (%s)%n", i.descriptor().id(),
                    i.descriptor().kind().name().toLowerCase(Locale.ROOT), i.descriptor().timeframe().label(),
                    i.count() == 0 ? "-" : format(i.firstTime(), Timeframe.D1),
                    i.count() == 0 ? "-" : format(i.lastTime(), Timeframe.D1), i.count(), i.descriptor().name(),
                    i.descriptor().unit());
        }
        out.printf("%d series%n", all.size());
        return OK;
    }

    private int show(SeriesStore s, List<String> args, CommandRequest request) throws StoreException {
        if (args.size() < 2) {
            return usage(request.err());
        }
        SeriesId id = SeriesId.parse(args.get(1));
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        for (int i = 2; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " needs a time, e.g. 2020-03-16");
            }
            switch (args.get(i)) {
                case "--from" -> from = Times.parse(args.get(i + 1));
                case "--to" -> to = Times.parseEnd(args.get(i + 1));
                default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "; usage: " + usage());
            }
        }
        Optional<SeriesInfo> info = s.info(id);
        if (info.isEmpty()) {
            request.err().println("series: unknown series " + id + " (series list shows what is stored)");
            return FAILED;
        }
        Timeframe tf = info.get().descriptor().timeframe();
        SeriesData data = s.read(id, from, to);
        PrintStream out = request.out();
        Field[] fields = data.fields().toArray(new Field[0]);
        StringBuilder header = new StringBuilder("time");
        for (Field f : fields) {
            header.append(',').append(f.name().toLowerCase(Locale.ROOT));
        }
        out.println(header);
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < data.size(); i++) {
            line.setLength(0);
            line.append(format(data.time(i), tf));
            for (Field f : fields) {
                line.append(',').append(data.get(f, i));
            }
            out.println(line);
        }
        request.err().printf("%d bars%n", data.size());
        return OK;
    }

    private static int delete(SeriesStore s, SeriesId id, CommandRequest request) throws StoreException {
        if (!s.delete(id)) {
            request.err().println("series: unknown series " + id + " (series list shows what is stored)");
            return FAILED;
        }
        request.out().println("deleted " + id);
        return OK;
    }

    /** Daily bars at midnight UTC print as dates, everything else as an ISO instant. */
    static String format(long millis, Timeframe tf) {
        Instant t = Instant.ofEpochMilli(millis);
        if (tf == Timeframe.D1 || tf == Timeframe.W1) {
            if (millis % 86_400_000L == 0) {
                return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
            }
        }
        return t.toString();
    }
}
