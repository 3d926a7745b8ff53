package io.tideline.scenario;

import io.tideline.scenario.api.PortfolioException;
import io.tideline.support.testing.Fuzz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the portfolio reader (JSON and CSV) with mutants of valid portfolios: every file gives a
 * portfolio or a {@link PortfolioException} naming the file and a line or field — never an
 * unchecked exception, a hang or an allocation out of proportion to the input. (Scenario packs are
 * read by the strict JSON reader, fuzzed in the support library.)
 */
class PortfolioReaderFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("portfolio-fuzz-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> portfolios() {
        return Fuzz.inputs(Fuzz.seeds(
                "{\"positions\": [\n  {\"role\": \"btc\", \"quantity\": 2, \"leverage\": 3},\n"
                        + "  {\"role\": \"spx\", \"notional\": 100000}\n]}\n",
                "role,quantity,notional,leverage\n# a comment\nbtc,2,,3\nspx,,100000,\nus10y,-1.5,,1\n"), 4096);
    }

    @Property
    void any_portfolio_is_read_or_refused_naming_file_and_place(@ForAll("portfolios") byte[] input)
            throws IOException {
        Path file = DIR.resolve((input.length & 1) == 0 ? "book.json" : "book.csv");
        Files.write(file, input);
        Fuzz.run(input, PortfolioException.class, 64L << 20,
                m -> m.startsWith(file + ":") && !m.contains("java.") && !m.contains("com.fasterxml")
                        && (m.matches("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+: .*")
                                || m.startsWith(file + ": $") || m.startsWith(file + ": expected at least one")),
                () -> PortfolioReader.read(file));
    }
}
