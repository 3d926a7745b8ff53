package io.tideline.regime.api;

/** The colour of one checklist step. */
public enum Status {
    /** Nothing adverse. */
    GREEN,
    /** One adverse signal: watch. */
    AMBER,
    /** The step's risk-off condition holds. */
    RED,
    /**
     * The inputs needed to judge the step are missing or stale (older than their staleness
     * limit) and the inputs it has show nothing adverse: the step cannot say GREEN.
     */
    UNKNOWN
}
