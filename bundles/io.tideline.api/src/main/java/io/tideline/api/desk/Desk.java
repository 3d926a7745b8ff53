package io.tideline.api.desk;

import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.series.SeriesId;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.SkillSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The desk: the headless floor between the engine and the views. The desk bundle
 * ({@code io.tideline.desk}) owns the live state of the newest data and publishes it as an
 * immutable {@link DeskSnapshot} ({@link #snapshot()}, and {@link DeskEvents#TOPIC_UPDATED} on
 * EventAdmin) each time new bars settle: the latest checklist verdict and its timeline, the
 * scenario report of the day and of the day before, the correlation board of {@link #BOARD_ROLES}
 * and the live indicator readings of a graph kept up to date as bars arrive. Views only render:
 * asked for the newest data, the methods below answer from the snapshot while it is current, and
 * compute only what it does not hold (another day, other roles, a portfolio).
 *
 * <p>Every method but {@link #snapshot} and {@link #subscribe} may do real work: call it from a
 * background thread, never the UI thread. Implementations are thread-safe.
 */
@ProviderType
public interface Desk {

    /** Days of the regime timeline the snapshot holds, ending at the verdict's day. */
    int TIMELINE_DAYS = 365;

    /** The roles of the correlation board the snapshot holds (the heatmap's default), in order. */
    List<String> BOARD_ROLES = List.of("btc", "eth", "spx", "ndx", "gold", "us10y", "dollar");

    /** The correlation window of the board, in common daily bars. */
    int BOARD_WINDOW = 90;

    /** The pair whose rolling correlation the snapshot holds over {@link #TIMELINE_DAYS} days. */
    List<String> BOARD_PAIR = List.of("btc", "ndx");

    /**
     * The newest snapshot the desk published: never null; of revision 0, holding nothing, before
     * the first one. Cheap: returns what is kept.
     */
    DeskSnapshot snapshot();

    /** Every bound role and its series, for tracing a number to its source. */
    Map<String, SeriesId> roles();

    /**
     * The day the workspace is pinned to and why ({@link WorkspaceDate}), or empty for the newest
     * data (also when no workspace runs). A view that shows a date reads it first and passes its
     * day on, so its title and its numbers are of one day even while the date changes.
     */
    Optional<WorkspaceDate.Pinned> pinned();

    /**
     * How old the newest bar of a series at or before {@code asOf} is when it is stale by the
     * views' one rule ({@link io.tideline.api.series.Freshness}), else -1: also when the series is
     * not stored, has no bar by then, or no store runs.
     *
     * @param asOf the instant the view is seen as of ({@link io.tideline.api.series.Freshness#asOf})
     */
    long staleAge(SeriesId id, long asOf);

    /**
     * The correlation matrix of {@code roles} over the last {@code window} common daily bars up to
     * the end of {@code day}: each cell the engine's one correlation
     * ({@link io.tideline.api.indicator.Correlations}), the same number as the last point of the
     * pair's {@link #correlationHistory} and {@code indicator matrix}.
     *
     * @param day the last day read; {@code null} for the newest data
     * @throws Exception naming what is missing (no store, an unbound role) or what failed
     */
    CorrelationMatrix correlations(List<String> roles, int window, LocalDate day) throws Exception;

    /**
     * The rolling correlation of roles {@code a} and {@code b} over the last {@code days} days of
     * data up to the end of {@code day}, by the same definition as the matrix's cells
     * ({@link io.tideline.api.indicator.Correlations}).
     *
     * @param day the last day read; {@code null} for the newest data
     * @throws Exception naming what is missing or what failed
     */
    Curve correlationHistory(String a, String b, int window, int days, LocalDate day) throws Exception;

    /**
     * The checklist verdict of {@code day}; when {@code null}, of the workspace's as-of date if one
     * is set (see {@code asof}), else of the latest day with data.
     *
     * @throws Exception when no checklist is running or it failed
     */
    Verdict verdict(LocalDate day) throws Exception;

    /**
     * One verdict per day from {@code from} to {@code to}.
     *
     * @throws Exception when no checklist is running or it failed
     */
    List<Verdict> replay(LocalDate from, LocalDate to) throws Exception;

    /**
     * The scenario analysis of {@code day} (when {@code null}, the workspace's as-of date if one is
     * set, else the latest), with the P&amp;L of the
     * portfolio in {@code portfolioFile} when it is not {@code null} or blank.
     *
     * @throws Exception when no scenario service is running, the portfolio file is unusable
     *         (naming file, line and field) or the analysis failed
     */
    ScenarioReport scenarios(LocalDate day, String portfolioFile) throws Exception;

    /**
     * Whether the scenario odds have forecast anything: every past day's odds scored against what
     * followed ({@code scenarios score}). Takes seconds the first time; call it in the background.
     *
     * @return the summary, or empty when there is no scenario service or no day to score
     */
    default Optional<SkillSummary> scenarioSkill() {
        return Optional.empty();
    }

    /**
     * Runs the liquidation-cascade model.
     *
     * @throws Exception when no scenario service is running
     */
    CascadeResult cascade(CascadeParams params) throws Exception;

    /**
     * Every running feed connector with its health, sorted by source; in team mode the feeds as
     * the desk's collector recorded them in the shared store.
     *
     * @throws Exception when the shared store cannot be read
     */
    List<FeedStatus> feeds() throws Exception;

    /**
     * The alerts the alerts bundle fired, with their delivery state per channel, newest first
     * (at most 500), those of earlier sessions included; the views compute none.
     *
     * @return the alerts, or empty when the alerts bundle is not running (alerts are off)
     */
    Optional<List<TrackedAlert>> alerts();

    /** Starts telling {@code listener} about news until the returned handle is closed. */
    Subscription subscribe(DeskListener listener);

    /** A handle that ends a subscription. */
    interface Subscription extends AutoCloseable {
        /** Ends the subscription; idempotent. */
        @Override
        void close();
    }
}
