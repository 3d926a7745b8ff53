package io.tideline.workbench.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(loaded.problem()).contains(file.toString()).contains("line").contains("layout.json.bad-");
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
}
