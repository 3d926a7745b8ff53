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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code data/sample/workspace.json}: the files of the sample workspace, how to read each, what
 * series it becomes and which role it plays. Read strictly: an unknown key, a wrong type or a
 * bad value is an error naming the file and the entry.
 *
 * @param version format version, 1
 * @param asOf the sample's own date, {@code YYYY-MM-DD}, or null: the day the workspace opens on
 *        (every core role fresh), recorded as the workspace's as-of date when the sample is loaded
 * @param series the entries
 */
record SampleManifest(int version, String asOf, List<Entry> series) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * One file of the sample.
     *
     * @param file path relative to the manifest; or
     * @param files several paths relative to the manifest, oldest history first, stitched into one
     *        series: a later file wins where the files overlap
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
    record Entry(String file, List<String> files, String id, String name, String unit, SeriesKind kind, AssetClass assetClass,
            String timeframe, String role, String column, Map<String, String> where, Boolean sumDuplicates) {

        /** The paths of the series' files as written in the manifest, oldest first. */
        List<String> paths() {
            return file != null ? List.of(file) : files;
        }

        Importer.Request request(Path base) {
            return new Importer.Request(paths().stream().map(base::resolve).toList(), SeriesId.parse(id),
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
        if (m == null) {
            throw new IOException(file + ": empty file");
        }
        if (m.version() != 1) {
            throw new IOException(file + ": version " + m.version() + " is not 1");
        }
        if (m.asOf() != null) {
            try {
                LocalDate.parse(m.asOf());
            } catch (DateTimeParseException bad) {
                throw new IOException(file + ": asOf: '" + m.asOf() + "' is not a date YYYY-MM-DD", bad);
            }
        }
        for (int i = 0; i < m.series().size(); i++) {
            Entry e = m.series().get(i);
            try {
                SeriesId.parse(e.id());
                Timeframe.parse(e.timeframe());
                if (e.role() != null) {
                    Roles.check(e.role());
                }
                if (e.name() == null || e.unit() == null || e.kind() == null || e.assetClass() == null) {
                    throw new IllegalArgumentException("file (or files), id, name, unit, kind, assetClass and timeframe"
                            + " are required");
                }
                checkFiles(e);
            } catch (IllegalArgumentException | NullPointerException bad) {
                throw new IOException(file + ": series[" + i + "] (" + e.id() + "): " + bad.getMessage(), bad);
            }
        }
        return m;
    }

    /** Exactly one of {@code file} and {@code files}; {@code files} non-empty, without blanks or repeats. */
    private static void checkFiles(Entry e) {
        if ((e.file() == null) == (e.files() == null)) {
            throw new IllegalArgumentException("give either file (one path) or files (several paths, oldest first),"
                    + " not " + (e.file() == null ? "neither" : "both"));
        }
        if (e.files() != null) {
            if (e.files().isEmpty()) {
                throw new IllegalArgumentException("files is empty; give at least one path");
            }
            for (int j = 0; j < e.files().size(); j++) {
                String path = e.files().get(j);
                if (path == null || path.isBlank()) {
                    throw new IllegalArgumentException("files[" + j + "] is empty; expected a path relative to the manifest");
                }
                if (e.files().indexOf(path) != j) {
                    throw new IllegalArgumentException("files[" + j + "] repeats " + path);
                }
            }
        } else if (e.file().isBlank()) {
            throw new IllegalArgumentException("file is empty; expected a path relative to the manifest");
        }
    }

    /** The sample's own date, if it declares one. */
    Optional<LocalDate> date() {
        return asOf == null ? Optional.empty() : Optional.of(LocalDate.parse(asOf));
    }
}
