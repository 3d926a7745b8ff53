package io.tideline.api.store;

import io.tideline.api.series.SeriesDescriptor;
import java.util.Objects;

/**
 * What the store holds of one series.
 *
 * @param descriptor the series' descriptor as last upserted
 * @param firstTime first stored timestamp, epoch ms UTC (0 when {@code count} is 0)
 * @param lastTime last stored timestamp, epoch ms UTC (0 when {@code count} is 0)
 * @param count number of stored bars
 */
public record SeriesInfo(SeriesDescriptor descriptor, long firstTime, long lastTime, long count) {

    /** Rejects a null descriptor and a negative count. */
    public SeriesInfo {
        Objects.requireNonNull(descriptor, "descriptor");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
