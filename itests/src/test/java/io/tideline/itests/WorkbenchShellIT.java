package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The workbench shell with a real window under Xvfb, in the real framework with the real
 * bundles: rearranging by the drag-and-drop code path, saving and finding the same layout after
 * a restart, a corrupt layout file, view bundles leaving and coming back, views that throw, and
 * a UI thread that stays responsive while the sample workspace loads. Driven through the
 * {@code workbench} command; screenshots in target/screenshots.
 */
class WorkbenchShellIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path shots;

    @BeforeEach
    void display() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh, which starts Xvfb")
                .isNotBlank();
        shots = Files.createDirectories(Path.of(System.getProperty("tideline.screenshots")));
    }

    private TidelineFramework open() throws Exception {
        TidelineFramework t = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"),
                work.resolve("deploy"), work.resolve("data"), false, false, Map.of()));
        Dist.await("the workbench window", () -> Dist.run(t.context(), "workbench", "views").code() == 0);
        Screen.pointerAway();
        return t;
    }

    /** "stack ID" and "tab ID" to {x, y, width, height} on the display, from 'workbench geometry'. */
    private static Map<String, int[]> geometry(BundleContext c) {
        Map<String, int[]> out = new java.util.HashMap<>();
        for (String line : Dist.run(c, "workbench", "geometry").out().lines().toList()) {
            String[] f = line.strip().split(" ");
            out.put(f[0] + " " + f[1], new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Integer.parseInt(f[4]), Integer.parseInt(f[5])});
        }
        return out;
    }

    private static JsonNode layout(BundleContext c) throws Exception {
        Dist.Result r = Dist.run(c, "workbench", "layout");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<JsonNode> stacks(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.path("type").asText().equals("stack")) {
            out.add(node);
        } else {
            node.path("children").forEach(c -> out.addAll(stacks(c)));
        }
        return out;
    }

    private static JsonNode active(JsonNode layout) {
        for (JsonNode p : layout.path("perspectives")) {
            if (p.path("id").asText().equals(layout.path("active").asText())) {
                return p;
            }
        }
        throw new AssertionError("no active perspective in " + layout);
    }

    private Path shot(BundleContext c, String name, String... instance) throws Exception {
        Path png = shots.resolve(name + ".png");
        List<String> command = new ArrayList<>(List.of("workbench", "screenshot", png.toString()));
        command.addAll(List.of(instance));
        Dist.Result r = Dist.run(c, command.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        Screen.assertDrawn(png);
        return png;
    }

    /**
     * One window per test JVM: SWT's native library can be loaded by one class loader only, so a
     * second framework in this JVM could not open a window. Restarts run the real tideline
     * script in a child process.
     */
    @Test
    void rearrangeSaveRestartPluginsComingAndGoingAndFailingViews() throws Exception {
        JsonNode after;
        try (TidelineFramework t = open()) {
            BundleContext c = t.context();
            JsonNode before = layout(c);
            assertThat(before.path("active").asText()).isEqualTo("morning");
            assertThat(stacks(active(before).path("root"))).hasSize(3);

            // Each shipped perspective on the sample workspace: every view live, a picture of
            // the window and of each view.
            long loaded = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < loaded && !Dist.run(c, "series", "list").out().contains("deribit:BTC:dvol")) {
                Thread.sleep(250);
            }
            for (JsonNode p : before.path("perspectives")) {
                String id = p.path("id").asText();
                assertThat(Dist.run(c, "workbench", "perspective", id).code()).isZero();
                Dist.await("the views of " + id + " live", () -> {
                    String v = Dist.run(c, "workbench", "views").out();
                    return v.lines().filter(l -> l.startsWith("open ") && !l.contains("(hidden)"))
                            .allMatch(l -> l.contains(" LIVE"));
                });
                Thread.sleep(4_000); // the views load their data in the background
                shot(c, "perspective-" + id);
                for (String line : Dist.run(c, "workbench", "views").out().lines()
                        .filter(l -> l.startsWith("open ")).toList()) {
                    String[] f = line.split(" ");
                    if (line.contains("(hidden)")) {
                        assertThat(Dist.run(c, "workbench", "focus", f[1]).code()).isZero();
                        Thread.sleep(2_000);
                    }
                    shot(c, "view-" + id + "-" + f[2].substring(f[2].lastIndexOf('.') + 1), f[1]);
                }
            }
            assertThat(Dist.run(c, "workbench", "perspective", "morning").code()).isZero();

            // The feeds tab dragged with the mouse (xdotool) onto the right edge of the chart's
            // stack: a fourth stack, to the right of the chart.
            Map<String, int[]> where = geometry(c);
            int[] tab = where.get("tab morning-feeds");
            int[] chart = where.get("stack morning-chart");
            Screen.drag(tab[0] + tab[2] / 2, tab[1] + tab[3] / 2, chart[0] + chart[2] * 92 / 100, chart[1] + chart[3] / 2);
            Dist.await("the dragged tab in a stack of its own", () -> {
                try {
                    return stacks(active(layout(c)).path("root")).size() == 4;
                } catch (Exception e) {
                    return false;
                }
            });
            Map<String, int[]> dropped = geometry(c);
            int[] feedsTab = dropped.get("tab morning-feeds");
            int[] chartStack = dropped.get("stack morning-chart");
            assertThat(feedsTab[0]).as("the feeds tab lands right of the chart").isGreaterThan(chartStack[0] + chartStack[2] - 5);
            assertThat(Math.abs(feedsTab[1] - chartStack[1])).as("in the chart's row").isLessThan(5);
            List<JsonNode> stacks = stacks(active(layout(c)).path("root"));
            assertThat(stacks).hasSize(4);
            assertThat(stacks.stream().filter(s -> s.path("views").size() == 1
                    && s.path("views").get(0).path("instanceId").asText().equals("morning-feeds"))).hasSize(1);
            assertThat(Dist.run(c, "workbench", "views").out()).contains("stacks 4");
            shot(c, "workbench-rearranged");

            // Out into a window of its own and back; a stack maximised and restored.
            assertThat(Dist.run(c, "workbench", "detach", "morning-heatmap").code()).isZero();
            JsonNode detached = active(layout(c));
            assertThat(detached.path("windows")).hasSize(1);
            assertThat(stacks(detached.path("windows").get(0).path("root")).get(0).path("views").get(0)
                    .path("instanceId").asText()).isEqualTo("morning-heatmap");
            shot(c, "workbench-detached");
            assertThat(Dist.run(c, "workbench", "move", "morning-heatmap", "morning-bottom", "center").code()).isZero();
            assertThat(active(layout(c)).path("windows")).isEmpty();
            assertThat(Dist.run(c, "workbench", "maximize", "morning-chart").out()).contains("maximized morning-chart");
            assertThat(active(layout(c)).path("maximized").asText()).isEqualTo("morning-chart");
            assertThat(Dist.run(c, "workbench", "views").out()).contains("stacks 1");
            shot(c, "workbench-maximized");
            assertThat(Dist.run(c, "workbench", "maximize", "morning-chart").out()).contains("restored");
            assertThat(Dist.run(c, "workbench", "views").out()).contains("stacks 4");

            // The language, set as an admin would through ConfigAdmin (a .cfg in deploy/).
            Dist.write(Files.createDirectories(work.resolve("deploy")), "io.tideline.workbench.cfg", "language=de\n");
            Dist.await("the German UI", () -> Dist.run(c, "workbench", "language").out().strip().equals("de"));
            Thread.sleep(1_500);
            shot(c, "workbench-german");
            Files.delete(work.resolve("deploy/io.tideline.workbench.cfg"));
            Dist.await("back to English", () -> Dist.run(c, "workbench", "language").out().strip().equals("en"));

            // The alerts bundle's banner channel reaches the window: an alert shows in the status
            // bar beside any notice until clicked (here: alerts test, as an admin checks the channels).
            assertThat(Dist.run(c, "alerts", "test").code()).isZero();
            Dist.await("the alert in the window's status bar", () -> Dist.run(c, "workbench", "status").out()
                    .contains("alert A test alert from Tideline: if you read this, this channel works."));
            shot(c, "workbench-alert");

            // The admin views run in the real framework: Settings lists the Metatype-described
            // components, Plugins the bundles.
            for (String admin : List.of("io.tideline.views.settings", "io.tideline.views.plugins")) {
                String id = Dist.run(c, "workbench", "show", admin).out().strip();
                Dist.await(admin + " live", () -> Dist.run(c, "workbench", "views").out()
                        .contains("open " + id + " " + admin + " LIVE"));
                Thread.sleep(1_500);
                shot(c, "view-" + admin.substring(admin.lastIndexOf('.') + 1), id);
                assertThat(Dist.run(c, "workbench", "close", id).code()).isZero();
            }

            // A second chart with its own settings; the other perspectives and back.
            Dist.Result shown = Dist.run(c, "workbench", "show", "io.tideline.views.chart", "series=eth");
            assertThat(shown.code()).as(shown.err()).isZero();
            after = layout(c);
            for (String p : List.of("macro", "crypto", "morning")) {
                assertThat(Dist.run(c, "workbench", "perspective", p).code()).isZero();
            }
            assertThat(layout(c)).isEqualTo(after);

            // A view bundle leaves: its views become placeholders naming it, and come back in place.
            Bundle desk = Dist.bundle(c, "io.tideline.views.desk");
            Dist.await("the checklist view live", () -> Dist.run(c, "workbench", "views").out()
                    .contains("open morning-checklist io.tideline.views.checklist LIVE"));
            desk.stop();
            String views = Dist.run(c, "workbench", "views").out();
            assertThat(views).contains("open morning-checklist io.tideline.views.checklist MISSING")
                    .contains("io.tideline.views.desk").doesNotContain("offered io.tideline.views.checklist");
            shot(c, "workbench-plugin-left");
            desk.start();
            Dist.await("the checklist view back", () -> Dist.run(c, "workbench", "views").out()
                    .contains("open morning-checklist io.tideline.views.checklist LIVE"));
            assertThat(layout(c).path("perspectives")).isEqualTo(after.path("perspectives"));

            // Views that throw when created or painted: error placeholders, the rest keeps running.
            Dist.drop(Dist.DEPLOYABLES.resolve("badview.jar"), work.resolve("deploy"), "badview.jar");
            Dist.await("the failing views offered", () -> Dist.run(c, "workbench", "views").out()
                    .contains("offered io.tideline.itest.badview.paint"));
            String created = Dist.run(c, "workbench", "show", "io.tideline.itest.badview.create").out().strip();
            assertThat(Dist.run(c, "workbench", "views").out()).contains("open " + created
                    + " io.tideline.itest.badview.create ERROR").contains("refuses to be created");
            String painted = Dist.run(c, "workbench", "show", "io.tideline.itest.badview.paint").out().strip();
            Dist.await("the paint failure caught", () -> Dist.run(c, "workbench", "views").out()
                    .contains("open " + painted + " io.tideline.itest.badview.paint ERROR"));
            assertThat(Dist.run(c, "workbench", "views").out()).contains("cannot paint")
                    .contains("io.tideline.views.checklist LIVE");
            shot(c, "workbench-error-placeholder");
            assertThat(Dist.run(c, "workbench", "close", created).code()).isZero();
            assertThat(Dist.run(c, "workbench", "close", painted).code()).isZero();
            assertThat(Dist.run(c, "workbench", "views").out()).doesNotContain("open " + created);
            after = layout(c);
            Files.delete(work.resolve("deploy/badview.jar"));
        }
        Path file = work.resolve("data/workspace/layout.json");
        JsonNode saved = JSON.readTree(file.toFile());
        assertThat(saved.path("perspectives")).isEqualTo(after.path("perspectives"));

        // Restart as a user would: the window shows the same layout, and saves it back unchanged.
        String log = restart("workbench-restarted");
        assertThat(log).doesNotContain("cannot be used");
        assertThat(JSON.readTree(file.toFile()).path("perspectives")).isEqualTo(saved.path("perspectives"));
    }

    @Test
    void aCorruptLayoutFallsBackToTheShippedPerspectivesAndIsKept() throws Exception {
        Path file = work.resolve("data/workspace/layout.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\": 1, \"perspectives\": [ oops");
        String log = restart("workbench-corrupt-layout");
        assertThat(log).contains("layout.json cannot be used").contains("layout.json.bad-");
        try (var files = Files.list(file.getParent())) {
            Path kept = files.filter(p -> p.getFileName().toString().startsWith("layout.json.bad-")).findFirst()
                    .orElseThrow(() -> new AssertionError("the bad file was not kept"));
            assertThat(Files.readString(kept)).isEqualTo("{\"version\": 1, \"perspectives\": [ oops");
        }
        assertThat(JSON.readTree(file.toFile()).path("perspectives")).hasSize(3);
    }

    /** Runs ./tideline on this test's data, screenshots its window, ends it with SIGTERM; returns its log. */
    private String restart(String screenshot) throws Exception {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("TIDELINE_HOME", null);
        Process p = Launch.start(work.resolve("log-" + screenshot), env, "--data-dir", work.resolve("data").toString(),
                "--deploy-dir", work.resolve("deploy").toString());
        try {
            Screen.awaitWindow("Tideline", p, 60);
            Screen.pointerAway();
            Thread.sleep(3_000);
            Path png = shots.resolve(screenshot + ".png");
            Screen.grab(png);
        } finally {
            p.destroy();
        }
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return Files.readString(work.resolve("log-" + screenshot + "/err.txt"))
                + Files.readString(work.resolve("log-" + screenshot + "/out.txt"));
    }
}
