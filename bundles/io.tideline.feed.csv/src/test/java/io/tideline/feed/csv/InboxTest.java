package io.tideline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.Problem;
import io.tideline.api.series.SeriesId;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The inbox over a real embedded store: a good file is imported, a bad one set aside and named in status. */
class InboxTest {

    @TempDir
    Path dir;

    private Path db;
    private ChunkedSeriesStore store;

    @BeforeEach
    void open() throws Exception {
        db = dir.resolve("db");
        store = ChunkedSeriesStore.openEmbedded(db);
    }

    @AfterEach
    void close() {
        ChunkedSeriesStore.shutdownEmbedded(db);
    }

    private static Logger silent() {
        return (Logger) Proxy.newProxyInstance(InboxTest.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
    }

    @Test
    void aGoodFileIsImportedAndABadOneIsSetAsideAndNamedUntilItIsGone() throws Exception {
        Path inbox = dir.resolve("inbox");
        Inbox in = Inbox.of(silent(), store, inbox);
        assertThat(in.problems()).isEmpty();
        Files.writeString(inbox.resolve("myrates.csv"), "time,value\n2026-01-05T00:00:00Z,4.1\n2026-01-06T00:00:00Z,4.2\n");
        Files.writeString(inbox.resolve("broken.csv"), "time,value\n2026-01-05,4.1\n2026-01-05,4.2\n");
        in.poll(); // first look: new files wait for one quiet poll
        assertThat(store.info(SeriesId.parse("csv:myrates"))).isEmpty();
        in.poll();
        assertThat(store.info(SeriesId.parse("csv:myrates"))).hasValueSatisfying(i -> assertThat(i.count()).isEqualTo(2));
        assertThat(inbox.resolve("imported/myrates.csv")).exists();
        assertThat(inbox.resolve("failed/broken.csv.error.txt")).exists();
        assertThat(store.info(SeriesId.parse("csv:broken"))).as("nothing half-written").isEmpty();
        assertThat(in.problems()).singleElement().extracting(Problem::source, Problem::message)
                .satisfies(t -> {
                    assertThat(t.get(0)).isEqualTo("inbox");
                    assertThat((String) t.get(1)).startsWith("broken.csv was not imported and is set aside in "
                            + inbox.resolve("failed") + ": ").contains("fix it and drop it into the inbox again");
                });
        // the user deals with it: no problem any more
        Files.delete(inbox.resolve("failed/broken.csv"));
        Files.delete(inbox.resolve("failed/broken.csv.error.txt"));
        in.poll();
        assertThat(in.problems()).isEmpty();
        // a new inbox over a folder with set-aside files names them at once (a restart)
        Files.writeString(inbox.resolve("failed/old.csv.error.txt"), "old.csv:2: time: expected a time\n");
        assertThat(Inbox.of(silent(), store, inbox).problems()).singleElement().extracting(Problem::message)
                .asString().contains("old.csv was not imported").contains("old.csv:2: time: expected a time");
    }
}
