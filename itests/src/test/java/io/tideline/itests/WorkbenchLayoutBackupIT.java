package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * A damaged {@code layout.json} beside a good {@code layout.json.bak} holding the user's own
 * perspective, in the real framework with a real window under Xvfb: the window opens the user's
 * perspective from the backup copy, the status bar says so until the user dismisses it, the
 * damaged file is kept, and the saves that follow (and the next start) keep the user's layout.
 * Screenshots in target/screenshots.
 */
class WorkbenchLayoutBackupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The user's own arrangement: a perspective of their own, active, beside a shipped one. */
    private static final String USERS_OWN = """
            {"version": 1, "active": "mine", "window": {"x": 40, "y": 40, "width": 1100, "height": 760},
             "perspectives": [
              {"id": "mine", "name": "My rates desk",
               "root": {"type": "split", "id": "mine-main", "horizontal": true, "weights": [40, 60], "children": [
                 {"type": "stack", "id": "mine-left", "active": 0, "views": [
                   {"instanceId": "mine-checklist", "viewId": "io.tideline.views.checklist"}]},
                 {"type": "stack", "id": "mine-right", "active": 0, "views": [
                   {"instanceId": "mine-chart", "viewId": "io.tideline.views.chart",
                    "settings": {"series": "us10y,dollar", "range": "1Y"}}]}]}},
              {"id": "macro", "name": "Macro desk",
               "root": {"type": "stack", "id": "macro-only", "active": 0, "views": [
                 {"instanceId": "macro-desk", "viewId": "io.tideline.views.macro"}]}}]}""";

    @TempDir
    Path work;

    private Path shots;

    @BeforeEach
    void display() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh, which starts Xvfb")
                .isNotBlank();
        shots = Files.createDirectories(Path.of(System.getProperty("tideline.screenshots")));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String status(BundleContext c) {
        Dist.Result r = Dist.run(c, "workbench", "status");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void aTruncatedLayoutOpensTheUsersOwnPerspectiveFromTheBackupCopyAndSaysSo() throws Exception {
        Path file = work.resolve("data/workspace/layout.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file.resolveSibling("layout.json.bak"), USERS_OWN);
        String truncated = USERS_OWN.substring(0, USERS_OWN.length() / 2);
        Files.writeString(file, truncated);

        try (TidelineFramework t = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"),
                work.resolve("deploy"), work.resolve("data"), false, false, Map.of()))) {
            BundleContext c = t.context();
            Dist.await("the workbench window", () -> Dist.run(c, "workbench", "views").code() == 0);
            Screen.pointerAway();

            Dist.Result layout = Dist.run(c, "workbench", "layout");
            assertThat(layout.code()).as(layout.err()).isZero();
            JsonNode shown = json(layout.out());
            assertThat(shown.path("active").asText()).isEqualTo("mine");
            assertThat(shown.path("perspectives").findValuesAsText("name")).containsExactly("My rates desk",
                    "Macro desk");

            // The notice stays while the views post their own messages (they replace the message).
            Thread.sleep(3_000);
            String bar = status(c);
            assertThat(bar).contains("notice \u26a0 Layout restored from its backup copy")
                    .contains("The saved layout could not be used, so its backup copy is open")
                    .contains(file + " cannot be used (line ").contains("layout.json.bad-")
                    .contains("The backup copy layout.json.bak (saved ");
            Path png = shots.resolve("workbench-layout-from-backup.png");
            assertThat(Dist.run(c, "workbench", "screenshot", png.toString()).code()).isZero();
            Screen.assertDrawn(png);

            // Two saves after the fallback: the backup copy still holds the user's perspective.
            assertThat(Dist.run(c, "workbench", "perspective", "macro").code()).isZero();
            assertThat(Dist.run(c, "workbench", "save").code()).isZero();
            assertThat(Dist.run(c, "workbench", "perspective", "mine").code()).isZero();
            assertThat(Dist.run(c, "workbench", "save").code()).isZero();
        }

        JsonNode saved = JSON.readTree(file.toFile());
        assertThat(saved.path("active").asText()).isEqualTo("mine");
        assertThat(saved.path("perspectives").findValuesAsText("name")).containsExactly("My rates desk", "Macro desk");
        JsonNode backup = JSON.readTree(file.resolveSibling("layout.json.bak").toFile());
        assertThat(backup.path("perspectives").findValuesAsText("name")).containsExactly("My rates desk",
                "Macro desk");
        try (Stream<Path> files = Files.list(file.getParent())) {
            Path kept = files.filter(p -> p.getFileName().toString().startsWith("layout.json.bad-")).findFirst()
                    .orElseThrow(() -> new AssertionError("the damaged file was not kept"));
            assertThat(Files.readString(kept)).isEqualTo(truncated);
        }

        // The next start, as a user runs it (the script, in a child process: one SWT window per
        // JVM), reads layout.json cleanly and says nothing about backups.
        Map<String, String> env = new HashMap<>();
        env.put("TIDELINE_HOME", null);
        Process p = Launch.start(work.resolve("log-restart"), env, "--data-dir",
                work.resolve("data").toString(), "--deploy-dir", work.resolve("deploy").toString());
        try {
            Screen.awaitWindow("Tideline", p, 60);
            Thread.sleep(2_000);
        } finally {
            p.destroy();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(work.resolve("log-restart/err.txt"))
                + Files.readString(work.resolve("log-restart/out.txt"));
        assertThat(log).doesNotContain("cannot be used").doesNotContain("backup copy");
        assertThat(JSON.readTree(file.toFile()).path("active").asText()).isEqualTo("mine");
    }
}
