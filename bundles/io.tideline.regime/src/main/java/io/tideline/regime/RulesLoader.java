package io.tideline.regime;

import io.tideline.support.json.StrictJsonReader;

/**
 * Reads rules strictly: an unknown key, a value of the wrong type (no coercion of {@code "5"} to
 * 5 or 5.5 to 5), a missing key or an out-of-range value is a {@link io.tideline.support.json.JsonFileException} naming the
 * file, the JSON path (e.g. {@code steps.macro.yieldJumpBp}, no root prefix) and what was
 * expected. Every key is required: the rules have no optional part. Thread-safe.
 */
final class RulesLoader {

    /** The bundle resource holding the defaults. */
    static final String DEFAULTS = "rules/default-rules.json";

    /** The strict reader: {@code read(Path)} for a file, {@code read(name, stream)} for a stream. */
    static final StrictJsonReader<Rules> READER = StrictJsonReader
            .of(Rules.class, "a JSON object with version, steps and regime").everyKeyRequired();

    private RulesLoader() {
    }

    /** The defaults shipped in the bundle; they are tested, so failing here is a build error. */
    static Rules defaults() {
        return READER.resource(RulesLoader.class.getClassLoader(), DEFAULTS);
    }
}
