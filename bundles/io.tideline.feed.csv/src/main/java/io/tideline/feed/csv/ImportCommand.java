package io.tideline.feed.csv;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code import FILE|DIR ...}: CSV files into the store, one series per file, each file all or
 * nothing and in bounded memory (see {@link Importer}). Importing the same file twice changes
 * nothing, and says so: every import reports its bars as new, changed or unchanged.
 */
@Component
public final class ImportCommand implements Command {

    private static final long PROGRESS_FROM_BYTES = 2L << 20;

    @Reference
    private SeriesStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoleBindings roles;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import CSV files (FRED, Yahoo, Binance, time,value) into the store";
    }

    @Override
    public String usage() {
        return "import FILE|DIR [--series ID] [--column NAME] [--role ROLE] [--where COLUMN=VALUE]..."
                + " [--sum-duplicates] [--name TEXT] [--unit TEXT] [--kind KIND] [--asset-class CLASS]"
                + " [--timeframe " + Timeframe.labels().replace(", ", "|") + "]   (a DIR imports each *.csv as"
                + " csv:FILENAME; the timeframe of a new series is inferred from its bars unless given)";
    }

    @Override
    public int run(CommandRequest request) throws Exception {
        Args args;
        try {
            args = Args.parse(request.args(), request::path);
        } catch (IllegalArgumentException e) {
            request.err().println("import: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(args.path)) {
            if (args.series != null || args.role != null) {
                request.err().println("import: --series and --role name one series; give a FILE, not a folder");
                return USAGE;
            }
            try (Stream<Path> list = Files.list(args.path)) {
                list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted()
                        .forEach(files::add);
            }
            if (files.isEmpty()) {
                request.err().println("import: no .csv files in " + args.path);
                return FAILED;
            }
        } else if (Files.isRegularFile(args.path)) {
            files.add(args.path);
        } else {
            request.err().println("import: no such file or folder: " + args.path);
            return FAILED;
        }
        int failed = 0;
        for (Path file : files) {
            SeriesId id = args.series != null ? args.series : defaultId(file);
            Importer.Request r = new Importer.Request(file, id, args.options(), args.name, args.unit, args.kind,
                    args.assetClass, args.timeframe);
            try {
                Importer.Outcome outcome = Importer.run(store, r, progressBar(file, request.err()),
                        reason -> request.err().println("\rimport: " + reason));
                request.out().println(outcome.summary());
                if (args.role != null) {
                    bindRole(args.role, id, request);
                }
            } catch (CsvFormatException | StoreException e) {
                request.err().println("import: " + e.getMessage() + " (nothing of this file was stored)");
                failed++;
            } catch (IOException e) {
                request.err().println("import: cannot read " + file + ": " + reason(e)
                        + " (nothing of this file was stored)");
                failed++;
            }
        }
        return failed == 0 ? OK : FAILED;
    }

    /** The cause of an I/O failure in words, without the exception's class name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    private void bindRole(String role, SeriesId id, CommandRequest request) throws java.io.IOException {
        RoleBindings bindings = roles;
        if (bindings == null) {
            request.err().println("import: the workspace (io.tideline.workspace) is not running; role " + role
                    + " was not bound");
            return;
        }
        bindings.bind(role, id);
        request.out().println(role + " -> " + id);
    }

    /** {@code csv:} and the file name without extension, with characters a series id refuses replaced. */
    static SeriesId defaultId(Path file) {
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "").replaceAll("[:\\s]+", "_");
        return SeriesId.of("csv", stem);
    }

    private static LongConsumer progressBar(Path file, PrintStream err) throws java.io.IOException {
        long size = Files.size(file);
        if (size < PROGRESS_FROM_BYTES) {
            return bytes -> { };
        }
        return bytes -> {
            int pct = (int) Math.min(100, bytes * 100 / size);
            int filled = pct / 5;
            err.print("\r  reading " + file.getFileName() + " [" + "#".repeat(filled) + "-".repeat(20 - filled) + "] "
                    + pct + "%" + (pct == 100 ? "\n" : ""));
            err.flush();
        };
    }

    /** The parsed command line. */
    private static final class Args {
        Path path;
        SeriesId series;
        String column;
        String role;
        final Map<String, String> where = new LinkedHashMap<>();
        boolean sumDuplicates;
        String name;
        String unit;
        SeriesKind kind;
        AssetClass assetClass;
        Timeframe timeframe;

        CsvSeriesReader.Options options() {
            return new CsvSeriesReader.Options(column, where, sumDuplicates);
        }

        static Args parse(List<String> words, Function<String, Path> paths) {
            Args a = new Args();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (!w.startsWith("--")) {
                    if (a.path != null) {
                        throw new IllegalArgumentException("one FILE or DIR at a time (got " + a.path + " and " + w + ")");
                    }
                    a.path = paths.apply(w);
                    continue;
                }
                if (w.equals("--sum-duplicates")) {
                    a.sumDuplicates = true;
                    continue;
                }
                if (i + 1 >= words.size()) {
                    throw new IllegalArgumentException(w + " needs a value");
                }
                String v = words.get(++i);
                switch (w) {
                    case "--series" -> a.series = SeriesId.parse(v);
                    case "--column" -> a.column = v;
                    case "--role" -> a.role = io.tideline.api.workspace.Roles.check(v);
                    case "--where" -> {
                        int eq = v.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--where needs COLUMN=VALUE, got '" + v + "'");
                        }
                        a.where.put(v.substring(0, eq), v.substring(eq + 1));
                    }
                    case "--name" -> a.name = v;
                    case "--unit" -> a.unit = v;
                    case "--kind" -> a.kind = parseEnum(SeriesKind.class, v, w);
                    case "--asset-class" -> a.assetClass = parseEnum(AssetClass.class, v, w);
                    case "--timeframe" -> a.timeframe = Timeframe.parse(v);
                    default -> throw new IllegalArgumentException("unknown option " + w);
                }
            }
            if (a.path == null) {
                throw new IllegalArgumentException("which FILE or DIR?");
            }
            return a;
        }

        private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " '" + value + "' is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
            }
        }
    }
}
