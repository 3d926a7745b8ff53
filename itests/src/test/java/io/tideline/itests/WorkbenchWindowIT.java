package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tideline} opens a real SWT window on the display (Xvfb under ./test.sh): the test finds
 * it with xdotool, takes a screenshot with ImageMagick's import into target/screenshots, checks
 * the picture is not blank, and stops the process as a user's Ctrl-C would.
 */
class WorkbenchWindowIT {

    @TempDir
    Path work;

    @Test
    void theWindowOpensShowsTheBundlesAndClosesOnInterrupt() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh, which starts Xvfb")
                .isNotBlank();
        Map<String, String> env = new HashMap<>();
        env.put("TIDELINE_HOME", null);
        Process p = Launch.start(work.resolve("log"), env, "--data-dir", work.resolve("data").toString(),
                "--deploy-dir", work.resolve("deploy").toString());
        try {
            // 60 s, as the other window tests. Once (CI, 2026-12-03) no window came within 30 s of
            // a first start; should it happen again, the message carries the process's thread dump.
            String window = Screen.awaitWindow("Tideline", p, 60);
            assertThat(window).isNotBlank();
            Path shots = Path.of(System.getProperty("tideline.screenshots"));
            Files.createDirectories(shots);
            Path png = shots.resolve("workbench-placeholder.png");
            Screen.grabWhenDrawn(png, 30);
        } finally {
            p.destroy(); // SIGTERM: the launcher's shutdown hook stops the framework
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("process ends after SIGTERM").isTrue();
        String err = Files.readString(work.resolve("log/err.txt"), StandardCharsets.UTF_8);
        // Warnings are fine (offline, the Binance liquidation stream says once that it cannot
        // connect); errors and stack traces are not.
        assertThat(err).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception in thread");
    }
}
