package io.tideline.feed.csv;

import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
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
 * it saying why. Registered as the {@code csv} feed so its health shows in {@code feeds status};
 * it offers no series to fetch on a schedule.
 */
@Component(service = FeedConnector.class, immediate = true)
public final class InboxFeed implements FeedConnector {

    private static final long POLL_MILLIS = 2_000;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference
    private SeriesStore store;

    private final Map<Path, String> lastSeen = new HashMap<>();
    private Path inbox;
    private ScheduledExecutorService poller;
    private volatile FeedHealth health = FeedHealth.unknown();

    @Activate
    void activate(BundleContext context) throws IOException {
        inbox = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("inbox");
        Files.createDirectories(inbox);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-inbox");
            t.setDaemon(true);
            return t;
        });
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
    }

    private void importFile(Path file) throws IOException {
        Importer.Request request = new Importer.Request(file, ImportCommand.defaultId(file),
                CsvSeriesReader.Options.defaults(), null, null, null, null, null);
        try {
            Importer.Outcome outcome = Importer.run(store, request, bytes -> { });
            moveTo(file, "imported");
            logger.info("inbox: {}", outcome.summary());
            // The last error stays on show until the user has seen it in feeds status; a later
            // good file does not hide that an earlier one was set aside.
            health = new FeedHealth(FeedHealth.State.UP, System.currentTimeMillis(), health.lastError());
        } catch (CsvFormatException | StoreException e) {
            Path failed = moveTo(file, "failed");
            Files.writeString(failed.resolveSibling(failed.getFileName() + ".error.txt"), e.getMessage() + "\n");
            logger.error("inbox: {} (moved to {})", e.getMessage(), failed);
            health = new FeedHealth(FeedHealth.State.DEGRADED, health.lastSuccessMillis(), e.getMessage());
        }
    }

    private Path moveTo(Path file, String folder) throws IOException {
        Path target = Files.createDirectories(inbox.resolve(folder)).resolve(file.getFileName());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String source() {
        return "csv";
    }

    @Override
    public List<SeriesDescriptor> offered() {
        return List.of();
    }

    @Override
    public SeriesData fetch(FetchRequest request) throws FeedException {
        throw new FeedException(request.series(), "CSV series are imported (import, or the inbox "
                + inbox + "), not fetched", false, null);
    }

    @Override
    public FeedHealth health() {
        return health;
    }
}
