package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tideline.api.indicator.LiveIndicators;
import io.tideline.api.store.SeriesEvents;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

/**
 * The engine hears the store's announcements: one that says which bars of which series updates the
 * live graphs that read them; one that does not (another process's "everything changed", a plugin's
 * malformed event) makes them start over instead of throwing on the event thread.
 */
class EngineEventsTest {

    @TempDir
    Path dir;

    @Test
    void anAnnouncementWithoutItsSeriesOrRangeRecomputesInsteadOfThrowing() throws Exception {
        Path db = dir.resolve("db");
        ChunkedSeriesStore store = ChunkedSeriesStore.openEmbedded(db);
        EngineComponent engine = new EngineComponent(store, null);
        engine.activate();
        try (LiveIndicators live = engine.live(List.of())) {
            long r0 = live.revision();
            // a well-formed announcement of a series no graph reads: nothing to do
            engine.handleEvent(new Event(SeriesEvents.TOPIC_APPENDED, Map.of(SeriesEvents.SERIES, "csv:other",
                    SeriesEvents.FROM, 0L, SeriesEvents.TO, 1L)));
            assertThat(live.revision()).isEqualTo(r0);
            for (Map<String, Object> props : List.of(Map.<String, Object>of(),
                    Map.<String, Object>of(SeriesEvents.SERIES, "not an id", SeriesEvents.FROM, 0L, SeriesEvents.TO, 1L),
                    Map.<String, Object>of(SeriesEvents.SERIES, "csv:x", SeriesEvents.FROM, "yesterday"))) {
                long before = live.revision();
                assertThatCode(() -> engine.handleEvent(new Event(SeriesEvents.TOPIC_APPENDED, new HashMap<>(props))))
                        .as(props.toString()).doesNotThrowAnyException();
                assertThat(live.revision()).as("started over on " + props).isGreaterThan(before);
            }
        } finally {
            engine.deactivate();
            ChunkedSeriesStore.shutdownEmbedded(db);
        }
    }
}
