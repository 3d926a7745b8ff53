package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** The X display the tests run on (Xvfb under ./test.sh): windows, the mouse, screenshots. */
final class Screen {

    private Screen() {
    }

    /** Runs a command and returns its output; fails if it does not finish within 30 s. */
    static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return out;
    }

    /** Runs xdotool with the arguments. */
    static String xdo(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        return exec(command.toArray(String[]::new));
    }

    /** The ids of the windows whose name matches, or an empty string. */
    static String windows(String name) throws IOException, InterruptedException {
        String out = xdo("search", "--name", name).strip();
        return out.chars().allMatch(ch -> Character.isDigit(ch) || Character.isWhitespace(ch)) ? out : "";
    }

    /** Waits for a window of that name while {@code p} runs; fails after {@code seconds}. */
    static String awaitWindow(String name, Process p, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("tideline is still running").isTrue();
            String ids = windows(name);
            if (!ids.isEmpty()) {
                return ids;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no window named " + name + " appeared within " + seconds + " s; where the"
                + " process's threads were:\n" + threadDump(p));
    }

    /**
     * The stacks of a running JVM's threads that can hold a window back (the UI thread, the
     * launcher's, Tideline's own), for a failure message; a note when they cannot be had.
     */
    static String threadDump(Process p) {
        try {
            String dump = exec(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(p.pid()), "Thread.print");
            StringBuilder wanted = new StringBuilder();
            for (String block : dump.split("\n\n")) {
                if (block.startsWith("\"main\"") || block.startsWith("\"swt-ui\"") || block.contains("tideline-")) {
                    wanted.append(block).append("\n\n");
                }
            }
            String text = wanted.isEmpty() ? dump : wanted.toString();
            return text.length() > 12_000 ? text.substring(0, 12_000) + "\n[...]" : text;
        } catch (IOException | InterruptedException | AssertionError e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** Parks the pointer in the screen's bottom-right corner, so no tooltip shows in the pictures. */
    static void pointerAway() throws Exception {
        xdo("mousemove", "4000", "4000");
    }

    /** A left-button drag on the display, in small steps as a hand would move. */
    static void drag(int x0, int y0, int x1, int y1) throws Exception {
        xdo("mousemove", x0 + "", y0 + "");
        xdo("mousedown", "1");
        for (int i = 1; i <= 12; i++) {
            xdo("mousemove", (x0 + (x1 - x0) * i / 12) + "", (y0 + (y1 - y0) * i / 12) + "");
            Thread.sleep(40);
        }
        Thread.sleep(200);
        xdo("mouseup", "1");
    }

    /** Saves the whole screen as a PNG and checks the picture is not blank. */
    static void grab(Path png) throws Exception {
        exec("/usr/bin/import", "-window", "root", png.toString());
        assertDrawn(png);
    }

    /**
     * Saves the whole screen as a PNG once the picture is drawn: grabs again every half second
     * until it has more than 20 colours, and fails as {@link #grab} does after {@code seconds}
     * (a busy machine may take a while to paint a window that has just appeared).
     */
    static void grabWhenDrawn(Path png, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            exec("/usr/bin/import", "-window", "root", png.toString());
            BufferedImage image = ImageIO.read(png.toFile());
            if ((image != null && distinctColours(image) > 20) || System.nanoTime() > deadline) {
                assertDrawn(png);
                return;
            }
            Thread.sleep(500);
        }
    }

    /** Fails unless the PNG is an image with more than 20 colours (a blank window has a handful). */
    static void assertDrawn(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot " + png).isNotNull();
        assertThat(distinctColours(image)).as("colours in " + png + " (a blank window has a handful)")
                .isGreaterThan(20);
    }

    /** How many colours a picture has, sampling every other pixel. */
    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
