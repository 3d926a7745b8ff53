package io.tideline.api.store;

/**
 * What one committed write did, bar by bar: how many bars it was given, and of those how many
 * were new timestamps, replaced a different stored bar, or equalled the stored bar exactly.
 *
 * @param bars the bars written
 * @param added bars at timestamps the series did not have
 * @param changed bars that replaced a stored bar with different values
 * @param unchanged bars equal to the stored bar (bit for bit)
 */
public record WriteSummary(long bars, long added, long changed, long unchanged) {

    /** Validates that the counts are non-negative and add up to {@code bars}. */
    public WriteSummary {
        if (bars < 0 || added < 0 || changed < 0 || unchanged < 0 || added + changed + unchanged != bars) {
            throw new IllegalArgumentException("inconsistent write summary: " + bars + " bars = " + added
                    + " added + " + changed + " changed + " + unchanged + " unchanged");
        }
    }
}
