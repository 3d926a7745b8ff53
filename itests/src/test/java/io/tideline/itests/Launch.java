package io.tideline.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs the distribution's {@code tideline} script in a child process, as a user would, and the
 * helpers the tests that talk to a running Tideline from second processes share.
 */
final class Launch {

    /** How long a headless command sent from a second process may take (the first start loads the sample). */
    static final long COMMAND_SECONDS = 180;

    private Launch() {
    }

    /** The environment a user's shell gives the script: no {@code TIDELINE_HOME}. */
    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TIDELINE_HOME", null);
        return env;
    }

    /** The data folder under a test's work folder; its deploy folder is {@code work/deploy}. */
    static Path data(Path work) {
        return work.resolve("data");
    }

    /**
     * Runs {@code tideline --headless --data-dir work/data --deploy-dir work/deploy ARGS} from
     * {@code folder} (this process's when null) to its end, logging to {@code work/logs/NAME}.
     * With a Tideline running on that data folder the command is answered by it.
     */
    static Outcome command(Path work, String name, Path folder, String... args) throws Exception {
        String[] line = new String[args.length + 5];
        line[0] = "--headless";
        line[1] = "--data-dir";
        line[2] = data(work).toString();
        line[3] = "--deploy-dir";
        line[4] = work.resolve("deploy").toString();
        System.arraycopy(args, 0, line, 5, args.length);
        Path log = work.resolve("logs").resolve(name);
        Process p = start(log, folder, env(), line);
        if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not end within " + COMMAND_SECONDS + " s");
        }
        return new Outcome(p.exitValue(), read(log.resolve("out.txt")), read(log.resolve("err.txt")));
    }

    /**
     * Stops a running Tideline as a user's Ctrl-C or SIGTERM does, and kills it if it has not ended
     * within 30 s; nothing when it is null or ended.
     */
    static void stop(Process running) throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Polls every 200 ms until the condition holds; fails naming what was awaited. */
    static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** A log file's text so far, or empty while it does not exist or cannot be read. */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Exit code and output of a finished run. */
    record Outcome(int code, String out, String err) {
    }

    /** Starts the script; {@code env} entries with a null value are removed from the environment. */
    static Process start(Path logDir, Map<String, String> env, String... args) throws IOException {
        return start(logDir, null, env, args);
    }

    /** Starts the script in {@code workingDir} (this process's when null). */
    static Process start(Path logDir, Path workingDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Dist.HOME.resolve("tideline").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Files.createDirectories(logDir);
        pb.redirectOutput(logDir.resolve("out.txt").toFile());
        pb.redirectError(logDir.resolve("err.txt").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    /** Runs the script to its end (at most 60 s). */
    static Outcome run(Path logDir, Map<String, String> env, String... args) throws Exception {
        Process p = start(logDir, env, args);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tideline " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Outcome(p.exitValue(), Files.readString(logDir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(logDir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
