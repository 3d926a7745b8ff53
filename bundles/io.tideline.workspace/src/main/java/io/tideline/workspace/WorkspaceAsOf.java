package io.tideline.workspace;

import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link WorkspaceDate} service, saved in {@code DATA_DIR/workspace/asof.json} ({@link AsOfFile}),
 * and the {@link AsOfDesk} the {@code asof} command ({@link AsOfCommand}) works through. The file is read again when it changed on disk, so a date set by
 * {@code tideline --headless asof} reaches a window open on the same data directory. A file that
 * cannot be read means no pinned day (the newest data); the log and the {@code asof} command name
 * the file and the fault, and the next {@code asof DATE} replaces it.
 */
@Component(service = {WorkspaceDate.class, AsOfDesk.class})
public final class WorkspaceAsOf implements AsOfDesk {

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private Path file;
    /** What was read, and the file's modification time and size when it was read. */
    private Optional<Pinned> cached = Optional.empty();
    private FileTime cachedTime;
    private long cachedSize = -1;
    private String problem;

    @Activate
    void activate(BundleContext context) {
        file = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("workspace").resolve("asof.json");
    }

    /** For tests: the component over {@code file}, without a framework. */
    static WorkspaceAsOf of(Logger logger, Path file) {
        WorkspaceAsOf w = new WorkspaceAsOf();
        w.logger = logger;
        w.file = file;
        return w;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public synchronized Optional<Pinned> pinned() {
        FileTime time = null;
        long size = -1;
        try {
            if (Files.exists(file)) {
                time = Files.getLastModifiedTime(file);
                size = Files.size(file);
            }
        } catch (IOException e) {
            // Gone between the two calls: read below as no file.
        }
        if (Objects.equals(time, cachedTime) && size == cachedSize) {
            return cached;
        }
        cachedTime = time;
        cachedSize = size;
        try {
            cached = AsOfFile.load(file);
            problem = null;
        } catch (IOException e) {
            cached = Optional.empty();
            problem = e.getMessage();
            logger.error("as-of date: {}; showing the newest data (asof DATE or asof latest replaces the file)",
                    e.getMessage());
        }
        return cached;
    }

    @Override
    public synchronized void pin(Pinned pinned) throws IOException {
        AsOfFile.save(file, pinned);
        changed(pinned.day().toString());
    }

    @Override
    public synchronized boolean clear() throws IOException {
        boolean was = pinned().isPresent();
        boolean existed = Files.deleteIfExists(file);
        if (existed) {
            changed("");
        }
        return was;
    }

    private void changed(String day) {
        cachedTime = null;
        cachedSize = -2;
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(TOPIC_CHANGED, Map.of("asOf", day)));
        }
    }
}
