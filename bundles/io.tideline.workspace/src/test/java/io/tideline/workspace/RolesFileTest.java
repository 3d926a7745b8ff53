package io.tideline.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAtomicallyReadsBackAndKeepsThePreviousVersion() throws Exception {
        Path file = dir.resolve("workspace/roles.json");
        RolesOnDisk disk = new RolesOnDisk(file);
        disk.save(Map.of("us10y", SeriesId.parse("fred:DGS10")));
        disk.save(Map.of("us10y", SeriesId.parse("fred:DGS10"), "btc", SeriesId.parse("binance:BTCUSDT")));
        assertThat(RolesFile.load(file)).containsExactly(
                Map.entry("btc", SeriesId.parse("binance:BTCUSDT")), Map.entry("us10y", SeriesId.parse("fred:DGS10")));
        assertThat(RolesFile.load(file.resolveSibling("roles.json.bak"))).containsOnlyKeys("us10y");
        assertThat(Files.exists(file.resolveSibling("roles.json.tmp"))).isFalse();
    }

    @Test
    void malformedFilesAreRefusedNamingFileAndPlace() throws Exception {
        Path file = dir.resolve("roles.json");
        Files.writeString(file, "{\"version\": 1,\n \"roles\": {\"us10y\": \"fred:DGS10\"},\n \"colour\": \"red\"}");
        assertThatThrownBy(() -> RolesFile.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("colour").hasMessageContaining("line 3");

        Files.writeString(file, "{\"version\": 1, \"roles\": {\"us10y\": 42}}");
        RolesFile numeric = RolesFile.read(file); // Jackson coerces 42 to "42"
        assertThatThrownBy(() -> numeric.bindings(file)).hasMessageContaining("roles.us10y")
                .hasMessageContaining("not of the form source:symbol");

        Files.writeString(file, "{\"version\": 1, \"roles\": {\"US 10Y\": \"fred:DGS10\"}}");
        assertThatThrownBy(() -> RolesFile.read(file).bindings(file)).hasMessageContaining("roles.US 10Y")
                .hasMessageContaining("lower-case words joined by dots");

        Files.writeString(file, "{\"version\": 2, \"roles\": {}}");
        assertThatThrownBy(() -> RolesFile.read(file).bindings(file)).hasMessageContaining("written by a newer Tideline");

        Files.writeString(file, "{\"version\": 1, \"roles\": {");
        assertThatThrownBy(() -> RolesFile.read(file)).hasMessageContaining(file.toString());
    }
}
