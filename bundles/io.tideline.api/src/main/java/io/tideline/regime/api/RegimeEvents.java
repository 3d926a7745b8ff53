package io.tideline.regime.api;

/** EventAdmin topics and properties posted by the checklist. */
public final class RegimeEvents {

    /** Posted when the latest verdict's regime differs from the previous one the checklist computed. */
    public static final String TOPIC_CHANGED = "io/tideline/regime/CHANGED";
    /** Property: the day of the verdict, {@code YYYY-MM-DD}. */
    public static final String AS_OF = "asOf";
    /** Property: the new regime's name. */
    public static final String REGIME = "regime";
    /** Property: the previous regime's name. */
    public static final String PREVIOUS = "previous";
    /** Property: the tier, an Integer. */
    public static final String TIER = "tier";
    /** Property: whether it is a cross-asset risk-off, a Boolean. */
    public static final String RISK_OFF = "riskOff";

    private RegimeEvents() {
    }
}
