package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.PortfolioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonAndCsvGiveTheSamePositions() throws Exception {
        Portfolio j = PortfolioReader.read(write("book.json", """
                {"positions": [
                  {"role": "btc", "quantity": 2, "leverage": 3},
                  {"role": "spx", "notional": 100000}
                ]}
                """));
        Portfolio c = PortfolioReader.read(write("book.csv", """
                role,quantity,notional,leverage
                # the crypto leg
                btc,2,,3
                spx,,100000,
                """));
        assertThat(j.positions()).hasSize(2);
        assertThat(j.positions().get(0).quantity()).isEqualTo(2.0);
        assertThat(j.positions().get(0).leverage()).isEqualTo(3.0);
        assertThat(j.positions().get(0).line()).isEqualTo(2);
        assertThat(j.positions().get(1).notional()).isEqualTo(100000.0);
        assertThat(j.positions().get(1).leverage()).isEqualTo(1.0);
        assertThat(c.positions()).extracting(p -> p.role() + p.quantity() + p.notional() + p.leverage())
                .isEqualTo(j.positions().stream().map(p -> p.role() + p.quantity() + p.notional() + p.leverage()).toList());
        assertThat(c.positions().get(0).line()).isEqualTo(3);
        assertThat(c.positions().get(1).line()).isEqualTo(4);
    }

    @Test
    void csvErrorsNameFileLineAndColumn() throws IOException {
        Path bad = write("bad.csv", "role,quantity,notional,leverage\nbtc,2,,3\nspx,1.O,,\n");
        assertThatThrownBy(() -> PortfolioReader.read(bad)).isInstanceOf(PortfolioException.class)
                .hasMessage(bad + ":3: quantity: expected a number, got '1.O'");
        Path both = write("both.csv", "role,quantity,notional\nbtc,2,5000\n");
        assertThatThrownBy(() -> PortfolioReader.read(both)).hasMessageContaining("both.csv:2: notional:")
                .hasMessageContaining("not both");
        Path lev = write("lev.csv", "role,quantity,leverage\nbtc,2,0.5\n");
        assertThatThrownBy(() -> PortfolioReader.read(lev)).hasMessageContaining("lev.csv:2: leverage: expected a number in [1, 1000]");
        Path header = write("header.csv", "asset,amount\nbtc,2\n");
        assertThatThrownBy(() -> PortfolioReader.read(header)).hasMessageContaining("header.csv:1:")
                .hasMessageContaining("role,quantity,notional,leverage");
    }

    @Test
    void jsonErrorsNameFileLineAndPath() throws IOException {
        Path bad = write("bad.json", """
                {"positions": [
                  {"role": "btc", "quantity": 2},
                  {"role": "spx", "notional": "lots"}
                ]}
                """);
        PortfolioException e = catchIt(bad);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo(bad + ":3: $.positions[1].notional: expected a number, got lots");
        PortfolioException unknown = catchIt(write("u.json", "{\"positions\": [\n{\"role\": \"btc\", \"qty\": 2}]}"));
        assertThat(unknown.getMessage()).contains("u.json:2: $.positions[0].qty: unknown key");
        PortfolioException syntax = catchIt(write("s.json", "{\"positions\": [\n{\"role\": \"btc\",, }]}"));
        assertThat(syntax.getMessage()).contains("s.json:2:").contains("expected valid JSON");
        PortfolioException neither = catchIt(write("n.json", "{\"positions\": [{\"role\": \"btc\"}]}"));
        assertThat(neither.getMessage()).contains("n.json:1: $.positions[0].quantity: expected either a quantity or a notional");
        PortfolioException empty = catchIt(write("e.json", "{\"positions\": []}"));
        assertThat(empty.getMessage()).contains("at least one position");
    }

    private static PortfolioException catchIt(Path file) {
        try {
            PortfolioReader.read(file);
        } catch (PortfolioException e) {
            return e;
        }
        throw new AssertionError("expected " + file + " to be refused");
    }
}
