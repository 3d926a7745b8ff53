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
    NONE
}
