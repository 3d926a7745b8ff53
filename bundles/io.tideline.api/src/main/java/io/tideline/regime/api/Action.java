package io.tideline.regime.api;

/** The one execution action the checklist allows per day. */
public enum Action {
    /** Put on or keep a hedge. */
    HEDGE,
    /** Cut gross exposure towards the suggested exposure. */
    REDUCE,
    /** No new risk: avoid revenge entries in a liquidation-driven tape. */
    WAIT,
    /** Nothing to do. */
    NONE,
    /**
     * No action can be given: the regime is {@link Regime#INSUFFICIENT_DATA}. Not "nothing to
     * do": the checklist cannot tell.
     *
     * @since 1.1
     */
    UNKNOWN
}
