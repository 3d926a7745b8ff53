package io.tideline.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the distribution's {@code tideline} script in a child process, as a user would. */
final class Launch {

    private Launch() {
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
