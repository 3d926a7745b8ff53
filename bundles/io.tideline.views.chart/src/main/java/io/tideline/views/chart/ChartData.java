package io.tideline.views.chart;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Everything the chart views read, in one small interface: the views never see a service
 * directly, so a test feeds them {@link SeriesData} and the runtime backs them with the store,
 * role bindings, indicator engine, checklist and the workspace's as-of date ({@link ServiceChartData}). Every read method
 * does real work: call it on {@link #executor()}, never on the UI thread. Thread-safe.
 */
interface ChartData {

    /**
     * The series of a role ({@code btc}) or a series id ({@code binance:BTCUSDT}), told apart by
     * {@link io.tideline.api.workspace.RoleBindings#resolve}'s rule; empty when the role is unbound.
     *
     * @throws IllegalArgumentException naming text that is neither, and what each looks like
     */
    Optional<SeriesId> resolve(String roleOrId);

    /**
     * Every stored bar of a series.
     *
     * @throws Exception with a message for the user when the store is missing or fails
     */
    SeriesData read(SeriesId id) throws Exception;

    /**
     * The stored bars of a series with {@code time <= toMillis}: as of a pinned day, nothing after it.
     *
     * @throws Exception with a message for the user when the store is missing or fails
     */
    default SeriesData read(SeriesId id, long toMillis) throws Exception {
        return until(read(id), toMillis);
    }

    /**
     * The day the workspace is pinned to and why ({@code asof}), or empty for the newest data
     * (also when no workspace runs). A change is told to the listeners as {@code "*"}.
     */
    Optional<WorkspaceDate.Pinned> pinned();

    /**
     * Whether the services the views read (the store and the role bindings) are running; at start
     * they arrive after the views, which then say "Loading…" rather than "no data".
     */
    boolean ready();

    /** What the series is: its unit (USD, %, contracts, fraction per 8h), kind and native bar length, if known. */
    Optional<SeriesDescriptor> descriptor(SeriesId id);

    /** The native bar length the series' descriptor declares, if known. */
    Optional<Timeframe> timeframe(SeriesId id);

    /** The declaration of an indicator, if one of that id is installed. */
    Optional<IndicatorSpec> indicator(String id);

    /**
     * Evaluates indicator nodes over the whole history.
     *
     * @throws IllegalStateException when no indicator engine is running
     */
    Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes);

    /**
     * Evaluates indicator nodes over the history up to {@code toMillis}: as of a pinned day, no
     * input bar after it is read.
     *
     * @throws IllegalStateException when no indicator engine is running
     */
    default Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long toMillis) {
        Map<String, IndicatorResult> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, IndicatorResult> e : evaluate(nodes).entrySet()) {
            IndicatorResult r = e.getValue();
            out.put(e.getKey(), r.failed() ? r : new IndicatorResult(r.node(), until(r.output(), toMillis), r.error()));
        }
        return out;
    }

    /** The bars of {@code data} with {@code time <= toMillis} (all of them, the same object, when none is later). */
    static SeriesData until(SeriesData data, long toMillis) {
        int n = data.size();
        while (n > 0 && data.time(n - 1) > toMillis) {
            n--;
        }
        if (n == data.size()) {
            return data;
        }
        java.util.Map<io.tideline.api.series.Field, double[]> columns = new java.util.EnumMap<>(io.tideline.api.series.Field.class);
        for (io.tideline.api.series.Field f : data.fields()) {
            columns.put(f, java.util.Arrays.copyOf(data.copyColumn(f), n));
        }
        return n == 0 ? SeriesData.empty() : SeriesData.of(java.util.Arrays.copyOf(data.copyTimes(), n), columns);
    }

    /** The checklist's verdict per day, or empty when no checklist is running. */
    Optional<List<Verdict>> replay(LocalDate from, LocalDate to);

    /** Where views run their loads. */
    Executor executor();

    /**
     * Registers a listener called (on any thread) with a series id's text when bars of it were
     * appended, or with {@code "*"} when role bindings changed.
     */
    void listen(Consumer<String> listener);

    /** Removes a listener. */
    void unlisten(Consumer<String> listener);
}
