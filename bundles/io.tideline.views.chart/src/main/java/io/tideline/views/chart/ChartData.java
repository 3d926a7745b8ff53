package io.tideline.views.chart;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
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
 * role bindings, indicator engine and checklist ({@link ServiceChartData}). Every read method
 * does real work: call it on {@link #executor()}, never on the UI thread. Thread-safe.
 */
interface ChartData {

    /** The series of a role ({@code btc}) or a series id ({@code binance:BTCUSDT}); empty when unbound. */
    Optional<SeriesId> resolve(String roleOrId);

    /**
     * Every stored bar of a series.
     *
     * @throws Exception with a message for the user when the store is missing or fails
     */
    SeriesData read(SeriesId id) throws Exception;

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
