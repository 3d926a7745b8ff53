package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
            String window = awaitWindow("Tideline", p);
            assertThat(window).isNotBlank();
            Thread.sleep(1000); // let GTK paint the table once

            Path shots = Path.of(System.getProperty("tideline.screenshots"));
            Files.createDirectories(shots);
            Path png = shots.resolve("workbench-placeholder.png");
            exec("/usr/bin/import", "-window", "root", png.toString());
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as("screenshot " + png).isNotNull();
            assertThat(distinctColours(image)).as("colours in " + png + " (a blank screen has 1)").isGreaterThan(20);
        } finally {
            p.destroy(); // SIGTERM: the launcher's shutdown hook stops the framework
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("process ends after SIGTERM").isTrue();
        String err = Files.readString(work.resolve("log/err.txt"), StandardCharsets.UTF_8);
        // Warnings are fine (offline, the Binance liquidation stream says once that it cannot
        // connect); errors and stack traces are not.
        assertThat(err).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    private static String awaitWindow(String name, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("tideline is still running").isTrue();
            String ids = exec("xdotool", "search", "--name", name).strip();
            if (!ids.isEmpty()) {
                return ids;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no window named " + name + " appeared within 30 s");
    }

    private static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return out;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
