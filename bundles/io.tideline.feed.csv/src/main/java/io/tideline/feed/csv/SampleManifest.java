package io.tideline.feed.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code data/sample/workspace.json}: the files of the sample workspace, how to read each, what
 * series it becomes and which role it plays. Read strictly: an unknown key, a wrong type or a
 * bad value is an error naming the file and the entry.
 *
 * @param version format version, 1
 * @param series the entries
 */
record SampleManifest(int version, List<Entry> series) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * One file of the sample.
     *
     * @param file path relative to the manifest
     * @param id the series id it becomes
     * @param name display name
     * @param unit unit
     * @param kind what it measures
     * @param assetClass its market
     * @param timeframe bar length ({@code 1d}, {@code 1w})
     * @param role the role it plays, or null
     * @param column the value column, or null to decide from the header
     * @param where row filters for long-format files, or null
     * @param sumDuplicates whether rows of the same time are summed (absent: no)
     */
    record Entry(String file, String id, String name, String unit, SeriesKind kind, AssetClass assetClass,
            String timeframe, String role, String column, Map<String, String> where, Boolean sumDuplicates) {

        Importer.Request request(Path base) {
            return new Importer.Request(base.resolve(file), SeriesId.parse(id),
                    new CsvSeriesReader.Options(column, where, Boolean.TRUE.equals(sumDuplicates)), name, unit, kind, assetClass,
                    Timeframe.parse(timeframe));
        }
    }

    SampleManifest {
        series = series == null ? List.of() : List.copyOf(series);
    }

    static SampleManifest read(Path file) throws IOException {
        SampleManifest m;
        try {
            m = JSON.readValue(Files.readString(file), SampleManifest.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (m.version() != 1) {
            throw new IOException(file + ": version " + m.version() + " is not 1");
        }
        for (int i = 0; i < m.series().size(); i++) {
            Entry e = m.series().get(i);
            try {
                SeriesId.parse(e.id());
                Timeframe.parse(e.timeframe());
                if (e.role() != null) {
                    Roles.check(e.role());
                }
                if (e.file() == null || e.name() == null || e.unit() == null || e.kind() == null
                        || e.assetClass() == null) {
                    throw new IllegalArgumentException("file, id, name, unit, kind, assetClass and timeframe are required");
                }
            } catch (IllegalArgumentException | NullPointerException bad) {
                throw new IOException(file + ": series[" + i + "] (" + e.id() + "): " + bad.getMessage(), bad);
            }
        }
        return m;
    }
}
