package io.tideline.engine;

import io.tideline.api.indicator.Correlations;
import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import java.time.Duration;
import java.util.Map;

/**
 * The indicator engine, as the {@code indicator} command sees it: the public
 * {@link IndicatorEngine} and {@link Correlations} services and what only the command needs. A
 * service private to this bundle (its package is not exported), registered by
 * {@link EngineComponent}, so that {@link IndicatorCommand} stays a thin class over it.
 */
public interface EngineDesk extends IndicatorEngine, Correlations {

    /** The installed indicators by id, in id order; a live view, as plugins come and go. */
    Map<String, Indicator> indicators();

    /** The symbolic name of the bundle that provides the indicator {@code id}. */
    String provider(String id);

    /**
     * Computes one node over its inputs read between {@code fromMillis} and {@code toMillis}, on
     * bars of {@code timeframe} when it is not null, within {@code timeout}; a failure is in the
     * result, never thrown.
     */
    Evaluator.NodeResult compute(IndicatorNode node, long fromMillis, long toMillis, Timeframe timeframe,
            Duration timeout);

    /**
     * The series id {@code input} is, or its role's series, by the one rule of
     * {@link io.tideline.api.workspace.RoleBindings#resolve}.
     *
     * @throws IllegalArgumentException naming the input and how to bind it, when it is neither
     */
    SeriesId resolve(String input);
}
