package io.tideline.workbench.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutFileTest {

    @TempDir
    Path dir;

    @Test
    void theShippedLayoutHasTheThreePerspectivesWithTheirViews() {
        Layout d = LayoutFile.defaults();
        assertThat(d.perspectives()).extracting(Perspective::name)
                .containsExactly("Morning checklist", "Macro desk", "Crypto structure");
        assertThat(d.activePerspective().views()).extracting(ViewRef::viewId).contains("io.tideline.views.checklist",
                "io.tideline.views.chart", "io.tideline.views.scenarios");
    }

    @Test
    void aWrittenLayoutReadsBackEqualAndThePreviousVersionIsKept() throws Exception {
        LayoutFile f = new LayoutFile(dir.resolve("workspace/layout.json"));
        Layout d = LayoutFile.defaults();
        f.write(d);
        Perspective moved = d.activePerspective().move("morning-feeds", "morning-chart", Side.RIGHT)
                .resize("morning-main", List.of(25, 75));
        Layout changed = d.with(moved).withWindow(new Bounds(5, 6, 1200, 800));
        f.write(changed);
        LayoutFile.Loaded back = f.read();
        assertThat(back.problem()).isNull();
        assertThat(back.layout()).isEqualTo(changed);
        assertThat(new LayoutFile(dir.resolve("workspace/layout.json.bak")).read().layout()).isEqualTo(d);
        assertThat(Files.list(dir.resolve("workspace")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("layout.json", "layout.json.bak");
    }

    @Test
    void aCorruptFileFallsBackToTheDefaultsAndIsKeptNotOverwritten() throws Exception {
        Path file = dir.resolve("layout.json");
        Files.writeString(file, "{\"version\": 1, \"active\": \"x\", \"perspectives\": [ {\"id\": \"x\", ");
        LayoutFile.Loaded loaded = new LayoutFile(file).read();
        assertThat(loaded.layout()).isEqualTo(LayoutFile.defaults());
        assertThat(loaded.source()).isEqualTo(LayoutFile.Source.DEFAULTS);
        assertThat(loaded.problem()).contains(file.toString()).contains("line").contains("layout.json.bad-")
                .contains("no backup copy");
        assertThat(file).doesNotExist();
        Path kept;
        try (var s = Files.list(dir)) {
            kept = s.filter(p -> p.getFileName().toString().startsWith("layout.json.bad-")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(kept)).startsWith("{\"version\": 1");
    }

    @Test
    void aFieldOfTheWrongShapeIsNamedByItsPath() throws Exception {
        Path file = dir.resolve("layout.json");
        Files.writeString(file, """
                {"version": 1, "active": "p", "perspectives": [{"id": "p", "name": "P",
                  "root": {"type": "split", "id": "s", "horizontal": true, "children": [
                    {"type": "stack", "id": "a", "views": []}]}}]}""");
        LayoutFile.Loaded loaded = new LayoutFile(file).read();
        assertThat(loaded.problem()).contains("$.perspectives[0].root").contains("at least two parts");
    }

    @Test
    void aLayoutFromANewerTideLineIsNotReadNorOverwritten() throws Exception {
        Path file = dir.resolve("layout.json");
        Files.writeString(file, "{\"version\": 99, \"future\": true}");
        LayoutFile.Loaded loaded = new LayoutFile(file).read();
        assertThat(loaded.problem()).contains("newer Tideline").contains("format 99");
        assertThat(loaded.layout()).isEqualTo(LayoutFile.defaults());
    }

    /**
     * The user's own arrangement: the shipped one plus a perspective of their own (new ids each
     * call), made active.
     */
    private static Layout usersOwn() {
        Layout d = LayoutFile.defaults();
        Perspective mine = d.activePerspective().duplicate("My rates desk");
        return d.with(mine).activate(mine.id()).withWindow(new Bounds(10, 20, 1100, 700));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path only(Path dir, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(found).as(prefix + "* in " + dir).hasSize(1);
            return found.get(0);
        }
    }

    @Test
    void aTruncatedFileBesideAGoodBackupOpensTheBackupSaysSoAndKeepsTheDamagedFile() throws Exception {
        Path file = dir.resolve("layout.json");
        Layout mine = usersOwn();
        LayoutFile writer = new LayoutFile(file);
        writer.write(LayoutFile.defaults());
        writer.write(mine);
        writer.write(mine.withWindow(new Bounds(30, 40, 1000, 650)));
        // A crash of the disk, not of Tideline: the file loses its second half.
        String whole = Files.readString(file);
        String truncated = whole.substring(0, whole.length() / 2);
        Files.writeString(file, truncated);
        byte[] backupBefore = Files.readAllBytes(dir.resolve("layout.json.bak"));

        LayoutFile f = new LayoutFile(file);
        LayoutFile.Loaded loaded = f.read();

        assertThat(loaded.source()).isEqualTo(LayoutFile.Source.BACKUP);
        assertThat(loaded.layout()).isEqualTo(mine);
        assertThat(loaded.layout().activePerspective().name()).isEqualTo("My rates desk");
        assertThat(loaded.problem()).contains(file + " cannot be used (line ").contains("layout.json.bad-")
                .contains("The backup copy layout.json.bak (saved ").contains("is shown instead")
                .contains("copied back to layout.json");
        assertThat(Files.readString(only(dir, "layout.json.bad-"))).isEqualTo(truncated);
        assertThat(Files.readAllBytes(dir.resolve("layout.json.bak"))).isEqualTo(backupBefore);
        // Copied back, so the next start (or another reader) finds the user's layout in layout.json.
        assertThat(new LayoutFile(file).read()).isEqualTo(new LayoutFile.Loaded(mine, LayoutFile.Source.FILE, null));

        // After falling back to the backup copy, saving is as usual: the backup copy still holds
        // the user's perspective after two saves (it used to hold the shipped ones).
        Layout moved = mine.withWindow(new Bounds(50, 60, 900, 600));
        f.write(moved);
        f.write(moved.withWindow(new Bounds(70, 80, 900, 600)));
        assertThat(new LayoutFile(dir.resolve("layout.json.bak")).read().layout()).isEqualTo(moved);
        assertThat(new LayoutFile(dir.resolve("layout.json.bak")).read().layout().activePerspective().name())
                .isEqualTo("My rates desk");
    }

    @Test
    void aLayoutFromANewerTidelineBesideAGoodBackupOpensTheBackupAndKeepsTheNewerFile() throws Exception {
        Path file = dir.resolve("layout.json");
        Layout mine = usersOwn();
        Files.writeString(dir.resolve("layout.json.bak"), LayoutFile.json(mine));
        Files.writeString(file, "{\"version\": 7, \"future\": true}");
        LayoutFile.Loaded loaded = new LayoutFile(file).read();
        assertThat(loaded.source()).isEqualTo(LayoutFile.Source.BACKUP);
        assertThat(loaded.layout()).isEqualTo(mine);
        assertThat(loaded.problem()).contains("newer Tideline (format 7");
        assertThat(Files.readString(only(dir, "layout.json.bad-"))).isEqualTo("{\"version\": 7, \"future\": true}");
    }

    @Test
    void aMissingFileBesideAGoodBackupOpensTheBackup() throws Exception {
        Path file = dir.resolve("layout.json");
        Layout mine = usersOwn();
        Files.writeString(dir.resolve("layout.json.bak"), LayoutFile.json(mine));
        LayoutFile.Loaded loaded = new LayoutFile(file).read();
        assertThat(loaded.source()).isEqualTo(LayoutFile.Source.BACKUP);
        assertThat(loaded.layout()).isEqualTo(mine);
        assertThat(loaded.problem()).contains(file + " is missing").contains("layout.json.bak");
        assertThat(names(dir)).containsExactly("layout.json", "layout.json.bak");
    }

    @Test
    void bothFilesDamagedGiveTheDefaultsNameBothFaultsAndKeepBothFilesAsTheyWere() throws Exception {
        Path file = dir.resolve("layout.json");
        String badMain = "{\"version\": 1, \"active\": \"x\", \"perspectives\": [";
        String badBackup = """
                {"version": 1, "active": "p", "perspectives": [{"id": "p", "name": "P",
                  "root": {"type": "split", "id": "s", "horizontal": true, "children": [
                    {"type": "stack", "id": "a", "views": []}]}}]}""";
        Files.writeString(file, badMain);
        Files.writeString(dir.resolve("layout.json.bak"), badBackup);

        LayoutFile f = new LayoutFile(file);
        LayoutFile.Loaded loaded = f.read();

        assertThat(loaded.source()).isEqualTo(LayoutFile.Source.DEFAULTS);
        assertThat(loaded.layout()).isEqualTo(LayoutFile.defaults());
        assertThat(loaded.problem()).contains(file + " cannot be used (line 1")
                .contains("backup copy layout.json.bak cannot be used either (at $.perspectives[0].root")
                .contains("layout.json.bad-").contains("layout.json.bak.bad-")
                .contains("The default perspectives are shown");
        Path keptMain = only(dir, "layout.json.bad-");
        Path keptBackup = only(dir, "layout.json.bak.bad-");
        assertThat(Files.readString(keptMain)).isEqualTo(badMain);
        assertThat(Files.readString(keptBackup)).isEqualTo(badBackup);

        // Saving the defaults, twice: the kept files are untouched, and the backup copy only ever
        // holds a layout this process wrote.
        f.write(LayoutFile.defaults());
        f.write(LayoutFile.defaults().withWindow(new Bounds(1, 2, 800, 600)));
        assertThat(Files.readString(keptMain)).isEqualTo(badMain);
        assertThat(Files.readString(keptBackup)).isEqualTo(badBackup);
        assertThat(new LayoutFile(dir.resolve("layout.json.bak")).read().layout()).isEqualTo(LayoutFile.defaults());
        assertThat(names(dir)).containsExactlyInAnyOrder("layout.json", "layout.json.bak",
                keptBackup.getFileName().toString(), keptMain.getFileName().toString());
    }

    @Test
    void aFileThisObjectDidNotReadCleanlyNeverReplacesTheBackupCopy() throws Exception {
        Path file = dir.resolve("layout.json");
        Layout mine = usersOwn();
        Files.writeString(dir.resolve("layout.json.bak"), LayoutFile.json(mine));
        Files.writeString(file, "{\"version\": 1, \"perspectives\": [ oops");
        // Written without reading first (as a second process that never saw the file would):
        // the damaged file in place must not become the backup copy.
        LayoutFile f = new LayoutFile(file);
        f.write(LayoutFile.defaults());
        assertThat(new LayoutFile(dir.resolve("layout.json.bak")).read().layout()).isEqualTo(mine);
        // The file it wrote itself may: that is the ordinary rotation.
        f.write(LayoutFile.defaults().withWindow(new Bounds(1, 2, 800, 600)));
        assertThat(new LayoutFile(dir.resolve("layout.json.bak")).read().layout()).isEqualTo(LayoutFile.defaults());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKeyAndThePlace() throws Exception {
        Path file = dir.resolve("layout.json");
        // A hand edit that pasted the active perspective twice: which one was meant is not ours to guess.
        Files.writeString(file, "{\"version\": 1, \"active\": \"morning\", \"active\": \"crypto\", \"perspectives\": []}");

        LayoutFile.Loaded loaded = new LayoutFile(file).read();

        assertThat(loaded.source()).isEqualTo(LayoutFile.Source.DEFAULTS);
        assertThat(loaded.problem()).contains(file + " cannot be used (line 1, column ")
                .contains("key 'active' appears twice in its object; expected each key once")
                .doesNotContain("Duplicate field");
    }
}
