package io.tideline.feeds;

import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.feed.http.Printable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One pass over a connector: for every series it offers, fetch what the store lacks (from the
 * last stored bar, which is fetched again to pick up revisions, or a backfill window for a new
 * series) up to now, and upsert it. A failing series is reported and the others go on.
 */
final class FeedRun {

    /** What one pass did. */
    record Outcome(int series, int bars, List<String> errors) {
    }

    private FeedRun() {
    }

    static Outcome run(FeedConnector connector, SeriesStore store, long nowMillis, long backfillMillis,
            Consumer<String> progress) {
        List<String> errors = new ArrayList<>();
        int bars = 0;
        List<SeriesDescriptor> offered = connector.offered();
        for (SeriesDescriptor d : offered) {
            try {
                Optional<SeriesInfo> info = store.info(d.id());
                long from = info.filter(i -> i.count() > 0).map(SeriesInfo::lastTime).orElse(nowMillis - backfillMillis);
                if (from > nowMillis) {
                    continue;
                }
                SeriesData data = connector.fetch(new FetchRequest(d.id(), from, nowMillis));
                store.upsert(d, data);
                bars += data.size();
                progress.accept(d.id() + ": " + data.size() + " bars"
                        + (data.isEmpty() ? "" : " (" + Instant.ofEpochMilli(data.firstTime()) + " .. "
                                + Instant.ofEpochMilli(data.lastTime()) + ")"));
            } catch (FeedException | StoreException e) {
                // A message may quote the server: made printable, and cut so one answer cannot flood the terminal.
                String message = Printable.shortened(e.getMessage(), 2000);
                errors.add(message);
                progress.accept(d.id() + ": FAILED: " + message);
            } catch (RuntimeException e) {
                // A plugin that throws must not stop the other series or feeds.
                String message = d.id() + ": the connector " + connector.source() + " failed: "
                        + Printable.shortened(String.valueOf(e.getMessage()), 2000);
                errors.add(message);
                progress.accept(message);
            }
        }
        return new Outcome(offered.size(), bars, List.copyOf(errors));
    }
}
