package io.tideline.scenario;

import io.tideline.support.json.StrictJsonReader;

/**
 * Reads scenario packs strictly: an unknown key, a value of the wrong type (no coercion of
 * {@code "5"} to 5), a missing required key or an out-of-range value is a
 * {@link io.tideline.support.json.JsonFileException} naming the file, the JSON path
 * ({@code $.scenarios[1].conditions[0].threshold}) and what was expected. Optional keys are left
 * to the records, which say which keys they require. Thread-safe.
 */
final class PackLoader {

    /** The bundle resource holding the default pack. */
    static final String DEFAULTS = "packs/default-scenarios.json";

    /** The strict reader: {@code read(Path)} for a file, {@code read(name, stream)} for a stream. */
    static final StrictJsonReader<Pack> READER = StrictJsonReader
            .of(Pack.class, "a JSON object with version, name, scenarios and analogues").rootedAt("$");

    private PackLoader() {
    }

    /** The default pack shipped in the bundle; it is tested, so failing here is a build error. */
    static Pack defaults() {
        return READER.resource(PackLoader.class.getClassLoader(), DEFAULTS);
    }
}
