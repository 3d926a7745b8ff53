package io.tideline.store.derby;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code db info | db check | db backup [DIR] | db restore DIR [--force]}: the series store's
 * mode, location, size and row counts, its integrity check, backup and restore. A thin command
 * over {@link StoreDesk}; the store answers it even when it failed to open (the reason is the
 * command's error).
 */
@Component(service = Command.class)
public final class DbCommand implements Command {

    private final StoreDesk desk;
    private final BackupCommands backupCommands;

    /** Activated by SCR with the running store. */
    @Activate
    public DbCommand(@Reference StoreDesk desk) {
        this.desk = desk;
        this.backupCommands = new BackupCommands(desk);
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public String summary() {
        return "the series store: mode, location, size on disk and row counts; integrity check; backup and restore";
    }

    @Override
    public String usage() {
        return "db info | db check | " + BackupCommands.USAGE;
    }

    @Override
    public int run(CommandRequest request) throws StoreException, IOException {
        if (BackupCommands.handles(request.args())) {
            return backupCommands.run(request);
        }
        if (request.args().equals(List.of("check"))) {
            return check(request);
        }
        if (!request.args().equals(List.of("info"))) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        ChunkedSeriesStore s = desk.store();
        long[] counts = s.counts();
        PrintStream out = request.out();
        out.printf("mode       %s%n", desk.mode());
        out.printf("location   %s%n", s.where());
        if (s.source().transport() != null) {
            out.printf("user       %s%n", s.source().user());
            out.printf("access     %s%n", s.readOnly() == null ? "read and write" : "read only (team mode reader)");
            out.printf("wire       %s%n", s.source().transport());
        }
        if ("embedded".equals(desk.mode())) {
            out.printf("on disk    %,d bytes%n", sizeOf(desk.folder()));
        }
        out.printf("series     %,d%n", counts[0]);
        out.printf("bars       %,d%n", counts[1]);
        out.printf("chunks     %,d (up to %,d single-value bars each)%n", counts[2], ChunkedSeriesStore.chunkBars(1));
        out.printf("schema     version %d%n", Schema.CURRENT);
        return OK;
    }

    /**
     * {@code db check}: every series and chunk (see {@link Integrity#check}); a line per damaged
     * series, a summary, and what to do. The store keeps the result for {@code status} and the
     * status bar. Exit 1 on damage.
     */
    private int check(CommandRequest request) throws StoreException, IOException {
        PrintStream out = request.out();
        ChunkedSeriesStore s;
        try {
            s = desk.store();
        } catch (StoreException e) {
            request.err().println(e.getMessage());
            return FAILED;
        }
        out.println("checking every series and chunk of " + s.where() + " ...");
        Integrity.Report report = desk.check(s);
        for (Damage d : report.damage()) {
            out.println("DAMAGED  " + d.oneLine());
        }
        out.printf("checked %,d series, %,d chunks, %,d bars: %s%n", report.series(), report.chunks(), report.bars(),
                report.clean() ? "no damage found" : report.damage().size() + " damaged");
        if (!report.clean()) {
            out.println("what to do: restore the latest backup (tideline --headless db restore DIR), then re-import"
                    + " or refetch what came after it; docs/store-integrity.md has the whole procedure");
        }
        return report.clean() ? OK : FAILED;
    }

    /** The bytes of the regular files under {@code folder}; 0 when it does not exist. */
    static long sizeOf(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
