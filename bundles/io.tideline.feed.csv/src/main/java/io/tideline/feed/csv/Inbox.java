package io.tideline.feed.csv;

import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The inbox: CSV files dropped into {@code DATA_DIR/inbox/} are imported as {@code csv:NAME}
 * (as {@code import DIR} does) once they stop changing, then moved to {@code inbox/imported/};
 * a file that cannot be imported goes to {@code inbox/failed/} with a {@code .error.txt} beside
 * it saying why, and {@code status} names it (a {@link ProblemSource}) until the user moves it
 * away. An importer, not a feed connector: a connector only fetches and never writes to the
 * store, the inbox writes and fetches nothing.
 */
@Component(service = ProblemSource.class, immediate = true)
public final class Inbox implements ProblemSource {

    /** Set-aside files named in {@code status} one by one; the rest are counted. */
    static final int MAX_NAMED = 10;

    private static final long POLL_MILLIS = 2_000;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference
    private SeriesStore store;

    private final Map<Path, String> lastSeen = new HashMap<>();
    private Path inbox;
    private ScheduledExecutorService poller;
    /** The set-aside files as last seen by the poller; read by {@code status} on its own thread. */
    private volatile List<Problem> problems = List.of();

    /** An inbox over {@code folder} without a poller: call {@link #poll} (tests). */
    static Inbox of(Logger logger, SeriesStore store, Path folder) throws IOException {
        Inbox i = new Inbox();
        i.logger = logger;
        i.store = store;
        i.inbox = Files.createDirectories(folder);
        i.scanFailed();
        return i;
    }

    @Activate
    void activate(BundleContext context) throws IOException {
        inbox = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("inbox");
        Files.createDirectories(inbox);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-inbox");
            t.setDaemon(true);
            return t;
        });
        poller.execute(this::scanFailed);
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Imports the files that did not change since the last poll. */
    void poll() {
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p)
                    && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList()) {
                String stamp = Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
                if (!stamp.equals(lastSeen.put(file, stamp))) {
                    continue; // new or still being written: wait for one quiet poll
                }
                lastSeen.remove(file);
                importFile(file);
            }
        } catch (IOException | RuntimeException e) {
            logger.error("inbox {}: {}", inbox, e.toString());
        }
        scanFailed();
    }

    /** Reads which files are set aside in {@code inbox/failed/}, with the first line of each reason. */
    void scanFailed() {
        Path failed = inbox.resolve("failed");
        if (!Files.isDirectory(failed)) {
            problems = List.of();
            return;
        }
        try (Stream<Path> files = Files.list(failed)) {
            List<Path> reasons = files.filter(p -> p.getFileName().toString().endsWith(".error.txt")).sorted().toList();
            List<Problem> out = new java.util.ArrayList<>();
            for (Path reason : reasons.subList(0, Math.min(MAX_NAMED, reasons.size()))) {
                String name = reason.getFileName().toString();
                String file = name.substring(0, name.length() - ".error.txt".length());
                String why;
                try (Stream<String> lines = Files.lines(reason)) {
                    why = lines.findFirst().orElse("no reason written");
                } catch (IOException | java.io.UncheckedIOException e) {
                    why = "the reason cannot be read: " + e.getMessage();
                }
                out.add(Problem.of("inbox", file + " was not imported and is set aside in " + failed + ": " + why
                        + " (fix it and drop it into the inbox again, or delete it and its .error.txt)"));
            }
            if (reasons.size() > MAX_NAMED) {
                out.add(Problem.of("inbox", (reasons.size() - MAX_NAMED) + " more files are set aside in " + failed));
            }
            problems = List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            problems = List.of(Problem.of("inbox", "cannot read " + failed + ": " + e.getMessage()));
        }
    }

    private void importFile(Path file) throws IOException {
        Importer.Request request = new Importer.Request(file, ImportCommand.defaultId(file),
                CsvSeriesReader.Options.defaults(), null, null, null, null, null);
        try {
            Importer.Outcome outcome = Importer.run(store, request, bytes -> { });
            moveTo(file, "imported");
            logger.info("inbox: {}", outcome.summary());
        } catch (CsvFormatException | StoreException e) {
            Path failed = moveTo(file, "failed");
            Files.writeString(failed.resolveSibling(failed.getFileName() + ".error.txt"), e.getMessage() + "\n");
            logger.error("inbox: {} (moved to {})", e.getMessage(), failed);
        }
    }

    private Path moveTo(Path file, String folder) throws IOException {
        Path target = Files.createDirectories(inbox.resolve(folder)).resolve(file.getFileName());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public List<Problem> problems() {
        return problems;
    }
}
