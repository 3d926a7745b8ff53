package io.tideline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.workspace.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample manifest: one file or several per series, the sample's date, and strict refusals. */
class SampleManifestTest {

    private static final Path SAMPLE = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();
    private static final String ENTRY = "\"id\": \"fred:X\", \"name\": \"x\", \"unit\": \"%\", \"kind\": \"YIELD\","
            + " \"assetClass\": \"RATES\", \"timeframe\": \"1d\"";

    @TempDir
    Path dir;

    @Test
    void theShippedSampleStitchesItsFredHistoryWithTheNewerDownloadAndDeclaresItsDate() throws Exception {
        SampleManifest m = SampleManifest.read(SAMPLE.resolve("workspace.json"));
        assertThat(m.date()).contains(LocalDate.of(2026, 2, 6));
        for (String series : List.of("DGS10", "DGS2", "T10Y2Y", "VIXCLS")) {
            SampleManifest.Entry e = m.series().stream().filter(x -> x.id().equals("fred:" + series)).findFirst()
                    .orElseThrow();
            assertThat(e.paths()).containsExactly("fred/" + series + ".csv", "fred-2021-2026/" + series + ".csv");
            assertThat(e.request(SAMPLE).files()).allSatisfy(f -> assertThat(f).isRegularFile());
        }
        assertThat(m.series()).allSatisfy(e -> assertThat(e.paths()).isNotEmpty());
    }

    @Test
    void theShippedSampleBindsCmeOpenInterestToItsOwnRoleNotToPerpetualOpenInterest() throws Exception {
        SampleManifest m = SampleManifest.read(SAMPLE.resolve("workspace.json"));
        SampleManifest.Entry cme = m.series().stream().filter(x -> x.id().equals("cftc:133741:oi")).findFirst()
                .orElseThrow();
        assertThat(cme.role()).isEqualTo(Roles.BTC_CME_OI);
        assertThat(cme.unit()).isEqualTo("contracts");
        assertThat(cme.timeframe()).isEqualTo("1w");
        // The sample has no perpetual open interest: the checklist names btc.oi missing rather than
        // reading a weekly count of CME contracts as a day's perpetual positioning.
        assertThat(m.series()).noneSatisfy(e -> assertThat(e.role()).isEqualTo(Roles.BTC_OI));
    }

    @Test
    void oneFileStillReadsAsBefore() throws Exception {
        SampleManifest m = SampleManifest.read(manifest("{\"file\": \"a.csv\", " + ENTRY + "}"));
        assertThat(m.series().get(0).paths()).containsExactly("a.csv");
        assertThat(m.series().get(0).request(dir).files()).containsExactly(dir.resolve("a.csv"));
        assertThat(m.date()).isEmpty();
    }

    @Test
    void fileAndFilesTogetherOrNeitherAreRefusedNamingTheEntry() throws Exception {
        Path both = manifest("{\"file\": \"a.csv\", \"files\": [\"b.csv\"], " + ENTRY + "}");
        assertThatThrownBy(() -> SampleManifest.read(both)).isInstanceOf(IOException.class).hasMessage(both
                + ": series[0] (fred:X): give either file (one path) or files (several paths, oldest first), not both");
        Path neither = manifest("{" + ENTRY + "}");
        assertThatThrownBy(() -> SampleManifest.read(neither)).hasMessageEndingWith(": series[0] (fred:X): give either"
                + " file (one path) or files (several paths, oldest first), not neither");
    }

    @Test
    void emptyBlankOrRepeatedFilesAreRefused() throws Exception {
        Path empty = manifest("{\"files\": [], " + ENTRY + "}");
        assertThatThrownBy(() -> SampleManifest.read(empty)).hasMessageEndingWith("files is empty; give at least one path");
        Path blank = manifest("{\"files\": [\"a.csv\", \" \"], " + ENTRY + "}");
        assertThatThrownBy(() -> SampleManifest.read(blank))
                .hasMessageEndingWith("files[1] is empty; expected a path relative to the manifest");
        Path repeated = manifest("{\"files\": [\"a.csv\", \"a.csv\"], " + ENTRY + "}");
        assertThatThrownBy(() -> SampleManifest.read(repeated)).hasMessageEndingWith("files[1] repeats a.csv");
        Path notAList = manifest("{\"files\": \"a.csv\", " + ENTRY + "}");
        assertThatThrownBy(() -> SampleManifest.read(notAList)).hasMessageStartingWith(notAList + ": ")
                .hasMessageContaining("line 1");
    }

    @Test
    void aDateThatIsNotADateIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("workspace.json"), "{\"version\": 1, \"asOf\": \"2026-02-30\","
                + " \"series\": []}");
        assertThatThrownBy(() -> SampleManifest.read(file))
                .hasMessage(file + ": asOf: '2026-02-30' is not a date YYYY-MM-DD");
    }

    private Path manifest(String entry) throws IOException {
        return Files.writeString(dir.resolve("workspace.json"), "{\"version\": 1, \"series\": [" + entry + "]}");
    }
}
