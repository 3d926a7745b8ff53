package io.tideline.api.series;

import java.util.Objects;

/**
 * Describes a series: what it is, in which unit, of which market and at which native bar length.
 *
 * @param id the series id
 * @param name a display name, e.g. "US 10-year Treasury yield"
 * @param unit the unit of its values, e.g. "%", "USD", "index"
 * @param kind what the values measure
 * @param assetClass the market
 * @param timeframe the native bar length of the source
 */
public record SeriesDescriptor(SeriesId id, String name, String unit, SeriesKind kind,
        AssetClass assetClass, Timeframe timeframe) {

    /** Rejects null parts and a blank name. */
    public SeriesDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(timeframe, "timeframe");
        if (name.isBlank()) {
            throw new IllegalArgumentException("series " + id + " needs a non-blank name");
        }
    }
}
