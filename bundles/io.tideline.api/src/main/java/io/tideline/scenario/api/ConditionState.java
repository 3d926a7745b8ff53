package io.tideline.scenario.api;

/** Whether a scenario condition holds on the day. */
public enum ConditionState {
    /** The condition's value compares true against its threshold. */
    MET,
    /** The condition's value compares false against its threshold. */
    NOT_MET,
    /** No value: a role is not bound, the data is missing or stale, or the indicator failed. */
    UNKNOWN
}
