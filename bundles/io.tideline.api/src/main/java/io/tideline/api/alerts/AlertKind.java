package io.tideline.api.alerts;

/** What an alert is about; each rule of the alerts bundle has one kind. */
public enum AlertKind {
    /** The checklist's regime changed. */
    REGIME_CHANGE("regime-change"),
    /** The checklist's tier changed. */
    TIER_CHANGE("tier-change"),
    /** A role's value, or a checklist reading on it, crossed a level a rule sets. */
    THRESHOLD("threshold"),
    /** A role the checklist reads has data older than its staleness limit. */
    STALE_FEED("stale-feed"),
    /** A checklist reading crossed the checklist's own threshold between two looks. */
    CHECKLIST_CROSSING("checklist-crossing"),
    /** A test alert sent by hand ({@code alerts test}); no rule has this kind. */
    TEST("test");

    private final String word;

    AlertKind(String word) {
        this.word = word;
    }

    /** The kind as written in the rules file, the ledger and an alert's JSON, e.g. {@code regime-change}. */
    public String word() {
        return word;
    }

    /** The kind written as {@code word}, or {@code null} when there is none. */
    public static AlertKind of(String word) {
        for (AlertKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
