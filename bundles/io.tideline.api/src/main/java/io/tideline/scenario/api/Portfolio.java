package io.tideline.scenario.api;

import java.util.List;
import java.util.Objects;

/**
 * The positions to value under each scenario.
 *
 * @param source where the positions came from (a file name), for messages
 * @param positions the positions, in file order
 */
public record Portfolio(String source, List<Position> positions) {

    /** Copies the positions. */
    public Portfolio {
        Objects.requireNonNull(source, "source");
        positions = List.copyOf(positions);
    }

    /** A portfolio built in code. */
    public static Portfolio of(Position... positions) {
        return new Portfolio("portfolio", List.of(positions));
    }
}
