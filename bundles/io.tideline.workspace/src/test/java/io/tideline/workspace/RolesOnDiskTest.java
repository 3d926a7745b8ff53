package io.tideline.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** roles.json and roles.json.bak on real files: which copy is used, what is said, what is kept. */
class RolesOnDiskTest {

    private static final Map<String, SeriesId> MINE = Map.of("us10y", SeriesId.parse("fred:DGS10"),
            "btc", SeriesId.parse("binance:BTCUSDT"), "desk.hedge", SeriesId.parse("csv:HEDGE"));
    private static final Map<String, SeriesId> EARLIER = Map.of("us10y", SeriesId.parse("fred:DGS10"),
            "btc", SeriesId.parse("binance:BTCUSDT"));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("roles.json");
    }

    private Path backup() {
        return dir.resolve("roles.json.bak");
    }

    private static Path only(Path dir, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(found).as(prefix + "* in " + dir).hasSize(1);
            return found.get(0);
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** roles.json holds MINE, roles.json.bak EARLIER, as after two saves. */
    private void twoSaves() throws Exception {
        RolesOnDisk disk = new RolesOnDisk(file());
        disk.save(EARLIER);
        disk.save(MINE);
    }

    @Test
    void aTruncatedFileBesideAGoodBackupUsesTheBackupSaysSoAndKeepsTheDamagedFile() throws Exception {
        twoSaves();
        String whole = Files.readString(file());
        String truncated = whole.substring(0, whole.length() / 2);
        Files.writeString(file(), truncated);
        byte[] backupBefore = Files.readAllBytes(backup());

        RolesOnDisk disk = new RolesOnDisk(file());
        RolesOnDisk.Loaded loaded = disk.load();

        assertThat(loaded.source()).isEqualTo(RolesOnDisk.Source.BACKUP);
        assertThat(loaded.bindings()).isEqualTo(EARLIER);
        assertThat(loaded.problem()).startsWith(file() + ": ").contains("(line ").contains("roles.json.bad-")
                .contains("The backup copy roles.json.bak (saved ").contains("is in use")
                .contains("copied back to roles.json");
        assertThat(Files.readString(only(dir, "roles.json.bad-"))).isEqualTo(truncated);
        assertThat(Files.readAllBytes(backup())).isEqualTo(backupBefore);
        // Copied back: another process (a headless 'roles'), or the next start, finds the same bindings.
        RolesOnDisk.Loaded again = new RolesOnDisk(file()).load();
        assertThat(again.source()).isEqualTo(RolesOnDisk.Source.FILE);
        assertThat(again.bindings()).isEqualTo(EARLIER);
        assertThat(again.problem()).isNull();

        // Saving after the fallback is as usual.
        Map<String, SeriesId> next = Map.of("us10y", SeriesId.parse("fred:DGS10"), "btc",
                SeriesId.parse("binance:BTCUSDT"), "vix", SeriesId.parse("fred:VIXCLS"));
        disk.save(next);
        assertThat(RolesFile.load(file())).isEqualTo(next);
        assertThat(RolesFile.load(backup())).isEqualTo(EARLIER);
    }

    @Test
    void aFieldOfTheWrongShapeIsNamedAndTheBackupIsUsed() throws Exception {
        twoSaves();
        Files.writeString(file(), "{\"version\": 1, \"roles\": {\"us10y\": \"DGS10\"}}");
        RolesOnDisk.Loaded loaded = new RolesOnDisk(file()).load();
        assertThat(loaded.source()).isEqualTo(RolesOnDisk.Source.BACKUP);
        assertThat(loaded.problem()).contains("roles.us10y").contains("source:symbol");
        assertThat(loaded.bindings()).isEqualTo(EARLIER);
    }

    @Test
    void aFileFromANewerTidelineIsKeptAndTheBackupIsUsed() throws Exception {
        twoSaves();
        Files.writeString(file(), "{\"version\": 2, \"roles\": {}}");
        RolesOnDisk.Loaded loaded = new RolesOnDisk(file()).load();
        assertThat(loaded.source()).isEqualTo(RolesOnDisk.Source.BACKUP);
        assertThat(loaded.problem()).contains("written by a newer Tideline");
        assertThat(Files.readString(only(dir, "roles.json.bad-"))).isEqualTo("{\"version\": 2, \"roles\": {}}");
    }

    @Test
    void aMissingFileBesideAGoodBackupUsesTheBackup() throws Exception {
        twoSaves();
        Files.delete(file());
        RolesOnDisk.Loaded loaded = new RolesOnDisk(file()).load();
        assertThat(loaded.source()).isEqualTo(RolesOnDisk.Source.BACKUP);
        assertThat(loaded.bindings()).isEqualTo(EARLIER);
        assertThat(loaded.problem()).contains(file() + " is missing");
        assertThat(RolesFile.load(file())).isEqualTo(EARLIER);
    }

    @Test
    void bothFilesDamagedGiveNoBindingsNameBothFaultsAndKeepBothFilesAsTheyWere() throws Exception {
        String badMain = "{\"version\": 1, \"roles\": {\"us10y\": \"fred:DGS10\"";
        String badBackup = "{\"version\": 1,\n \"roles\": {},\n \"colour\": \"red\"}";
        Files.writeString(file(), badMain);
        Files.writeString(backup(), badBackup);

        RolesOnDisk disk = new RolesOnDisk(file());
        RolesOnDisk.Loaded loaded = disk.load();

        assertThat(loaded.source()).isEqualTo(RolesOnDisk.Source.NONE);
        assertThat(loaded.bindings()).isEmpty();
        assertThat(loaded.problem()).startsWith(file() + ": ").contains("roles.json.bad-")
                .contains("backup copy cannot be used either (" + backup() + ": ").contains("colour")
                .contains("line 3").contains("roles.json.bak.bad-").contains("starts without role bindings");
        Path keptMain = only(dir, "roles.json.bad-");
        Path keptBackup = only(dir, "roles.json.bak.bad-");
        assertThat(Files.readString(keptMain)).isEqualTo(badMain);
        assertThat(Files.readString(keptBackup)).isEqualTo(badBackup);

        // Binding roles again, twice: the kept files are untouched, and the backup copy only ever
        // holds bindings this process saved.
        disk.save(EARLIER);
        disk.save(MINE);
        assertThat(Files.readString(keptMain)).isEqualTo(badMain);
        assertThat(Files.readString(keptBackup)).isEqualTo(badBackup);
        assertThat(RolesFile.load(backup())).isEqualTo(EARLIER);
        assertThat(names(dir)).containsExactlyInAnyOrder("roles.json", "roles.json.bak",
                keptMain.getFileName().toString(), keptBackup.getFileName().toString());
    }

    @Test
    void aFileThisObjectDidNotReadCleanlyNeverReplacesTheBackupCopy() throws Exception {
        twoSaves();
        Files.writeString(file(), "{\"version\": 1, \"roles\": {");
        // Saved without loading first: the damaged file in place must not become the backup copy.
        RolesOnDisk disk = new RolesOnDisk(file());
        disk.save(Map.of());
        assertThat(RolesFile.load(backup())).isEqualTo(EARLIER);
        // A file it wrote itself may: that is the ordinary rotation.
        disk.save(MINE);
        assertThat(RolesFile.load(backup())).isEmpty();
    }

    @Test
    void noFilesAtAllIsAFreshWorkspaceWithoutAProblem() {
        RolesOnDisk.Loaded loaded = new RolesOnDisk(file()).load();
        assertThat(loaded.source()).isEqualTo(RolesOnDisk.Source.FILE);
        assertThat(loaded.bindings()).isEmpty();
        assertThat(loaded.problem()).isNull();
    }
}
