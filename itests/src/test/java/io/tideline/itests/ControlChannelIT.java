package io.tideline.itests;

import static io.tideline.itests.Launch.await;
import static io.tideline.itests.Launch.command;
import static io.tideline.itests.Launch.data;
import static io.tideline.itests.Launch.env;
import static io.tideline.itests.Launch.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running Tideline answers other processes' commands through its control socket, with real
 * processes of the distribution's {@code tideline} script: {@code serve} started and stopped with
 * SIGTERM, commands sent from a second process (file names read from that process's folder), the
 * window driven by {@code workbench} from a second process, and a socket left by a killed
 * Tideline that does not get in the way.
 */
class ControlChannelIT {

    /** The first start loads the sample workspace before it serves. */
    private static final long START_SECONDS = 180;

    @TempDir
    Path work;

    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveAnswersOtherProcessesAndStopsCleanlyOnSigterm() throws Exception {
        Path serveLog = work.resolve("logs/serve");
        running = Launch.start(serveLog, null, env(), "--headless", "--data-dir", data(work).toString(), "--deploy-dir",
                work.resolve("deploy").toString(), "serve");
        await("serve to say it serves", START_SECONDS,
                () -> read(serveLog.resolve("out.txt")).contains("tideline: serving " + data(work)));
        Path socket = data(work).resolve("control.sock");
        assertThat(socket).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");

        Launch.Outcome status = command(work, "status", null, "status");
        assertThat(status.out()).contains("mode            serve (headless, long-running; whether it runs the feeds: 'feeds status')",
                "control socket  " + socket);
        assertThat(status.err()).doesNotContain("in use by another Tideline");

        // A relative file name is read from the folder of the process that typed it.
        Path folder = Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(folder.resolve("ctl.csv"), "date,value\n2024-01-02,1.5\n2024-01-03,2.5\n");
        Launch.Outcome imported = command(work, "import", folder, "import", "ctl.csv", "--series", "csv:ctl");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 2 bars of csv:ctl");

        Launch.Outcome list = command(work, "list", null, "series", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("csv:ctl", "binance:BTCUSDT");

        Launch.Outcome missing = command(work, "missing", folder, "import", "absent.csv", "--series", "csv:absent");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains(folder.resolve("absent.csv").toString());

        Launch.Outcome window = command(work, "workbench", null, "workbench", "layout");
        assertThat(window.code()).isEqualTo(1);
        assertThat(window.err()).contains("workbench: no window is open (this Tideline runs headless;");

        // SIGTERM: a clean stop, exit 0, the socket and the lock released.
        long asked = System.nanoTime();
        running.destroy();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("serve stops after SIGTERM").isTrue();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertThat(running.exitValue()).as(read(serveLog.resolve("err.txt"))).isZero();
        assertThat(socket).doesNotExist();
        System.out.printf("serve stopped %d ms after SIGTERM%n", stopMillis);

        // The store is whole: a process of its own now opens it and finds the import.
        Launch.Outcome after = command(work, "after", null, "series", "list");
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out()).contains("csv:ctl");
    }

    @Test
    void aSocketLeftByAKilledTidelineDoesNotGetInTheWay() throws Exception {
        Path serveLog = work.resolve("logs/serve");
        running = Launch.start(serveLog, null, env(), "--headless", "--data-dir", data(work).toString(), "--deploy-dir",
                work.resolve("deploy").toString(), "serve");
        await("serve to say it serves", START_SECONDS,
                () -> read(serveLog.resolve("out.txt")).contains("tideline: serving " + data(work)));
        running.destroyForcibly();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(data(work).resolve("control.sock")).as("a kill -9 leaves the socket").exists();

        Launch.Outcome list = command(work, "list", null, "series", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("binance:BTCUSDT");
        assertThat(list.err()).doesNotContain("control");
    }

    @Test
    void aSecondProcessDrivesTheWindow() throws Exception {
        Path windowLog = work.resolve("logs/window");
        running = Launch.start(windowLog, null, env(), "--data-dir", data(work).toString(), "--deploy-dir",
                work.resolve("deploy").toString());
        // Only once the window listens: a command started before it locked the data directory
        // would take the directory itself and keep the window from starting.
        await("the window's control socket", START_SECONDS, () -> Files.exists(data(work).resolve("control.sock")));
        Launch.Outcome[] layout = new Launch.Outcome[1];
        await("the window to answer workbench layout", START_SECONDS, () -> {
            try {
                layout[0] = command(work, "layout", null, "workbench", "layout");
                return layout[0].code() == 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(layout[0].out()).contains("\"perspectives\"");
        assertThat(layout[0].err()).doesNotContain("in use by another Tideline");

        Launch.Outcome status = command(work, "status", null, "status");
        assertThat(status.out()).contains("mode            workbench", "control socket  ");
        // The window loads the sample in the background: whatever is stored so far is listed.
        Launch.Outcome list = command(work, "list", null, "series", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("SERIES ");
    }
}
