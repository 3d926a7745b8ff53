package io.tideline.store.derby;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code db backup [DIR]} and {@code db restore DIR [--force]}, for {@link DbCommand}. A
 * restore happens in the running process: the store is closed, replaced and reopened, and every
 * series is announced again (appended, or deleted when the backup lacks it) so open views reload.
 */
final class BackupCommands {

    static final String USAGE = "db backup [DIR] | db restore DIR [--force]";

    private final StoreDesk desk;

    BackupCommands(StoreDesk desk) {
        this.desk = desk;
    }

    /** Whether {@code args} is one of these commands. */
    static boolean handles(List<String> args) {
        return !args.isEmpty() && (args.get(0).equals("backup") || args.get(0).equals("restore"));
    }

    /** Runs {@code db backup ...} or {@code db restore ...}; returns the exit code. */
    int run(CommandRequest request) throws StoreException, IOException {
        List<String> args = request.args();
        return args.get(0).equals("backup") ? backup(args.subList(1, args.size()), request)
                : restore(args.subList(1, args.size()), request);
    }

    private int backup(List<String> args, CommandRequest request) throws StoreException, IOException {
        if (args.size() > 1 || (args.size() == 1 && args.get(0).startsWith("--"))) {
            request.err().println("usage: db backup [DIR]");
            return Command.USAGE;
        }
        ChunkedSeriesStore store = desk.store();
        PrintStream out = request.out();
        if ("server".equals(desk.mode())) {
            if (args.isEmpty()) {
                request.err().println("db backup: the store is on a Derby Network Server, which writes the backup on"
                        + " its own machine; name a folder there: db backup /srv/backups/tideline-YYYYMMDD");
                return Command.USAGE;
            }
            Backups.backupOnServer(store.source(), args.get(0));
            out.println("the server backed up " + store.where() + " into " + args.get(0) + " on its machine");
            return Command.OK;
        }
        Path target = args.isEmpty() ? desk.backups().dir().resolve(Backups.name(Instant.now()))
                : request.path(args.get(0));
        Path done = desk.backups().backupEmbedded(store.source(), target);
        long[] counts = store.counts();
        out.printf("backed up the store (%,d series, %,d bars; %,d bytes on disk) into %s%n", counts[0], counts[1],
                DbCommand.sizeOf(done), done);
        out.println("restore it with: tideline --headless db restore " + done);
        return Command.OK;
    }

    private int restore(List<String> args, CommandRequest request) throws StoreException {
        boolean force = args.contains("--force");
        List<String> folders = args.stream().filter(a -> !a.equals("--force")).toList();
        if (folders.size() != 1 || folders.get(0).startsWith("--")) {
            request.err().println("usage: db restore DIR [--force]");
            return Command.USAGE;
        }
        if (!"embedded".equals(desk.mode())) {
            request.err().println("db restore: the store is on a Derby Network Server; restore it there with Derby's"
                    + " tools (restoreFrom=), see docs/backup-restore.md");
            return Command.FAILED;
        }
        Backups.Restored restored = desk.restore(request.path(folders.get(0)), force);
        long bars = restored.after().stream().mapToLong(SeriesInfo::count).sum();
        request.out().printf("restored %,d series (%,d bars) from %s%n", restored.after().size(), bars,
                restored.from());
        restored.aside().ifPresent(aside -> request.out().println("the store before the restore ("
                + restored.before().size() + " series) is kept in " + aside));
        return Command.OK;
    }
}
