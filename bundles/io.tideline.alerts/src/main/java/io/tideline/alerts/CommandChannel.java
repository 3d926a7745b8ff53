package io.tideline.alerts;

import io.tideline.api.alerts.Alert;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the configured command through {@code /bin/sh -c} with the alert's JSON on its standard
 * input. Exit 0 within the time limit is delivered; another exit code, a command that cannot
 * start, or one still running at the limit (then killed) fails, with the exit code and the last
 * line it wrote to its error stream.
 */
final class CommandChannel implements Channel {

    private final String command;
    private final Duration limit;

    CommandChannel(String command, Duration limit) {
        this.command = command;
        this.limit = limit;
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public void deliver(Alert alert, String json) throws DeliveryException, InterruptedException {
        Path errors = null;
        Process p = null;
        try {
            errors = Files.createTempFile("tideline-alert-hook", ".err");
            p = new ProcessBuilder(List.of("/bin/sh", "-c", command)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(json.getBytes(StandardCharsets.UTF_8));
                in.write('\n');
            } catch (IOException e) {
                // The command may exit without reading its input; its exit code says whether it worked.
            }
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new DeliveryException("the command did not finish within " + limit.toSeconds() + " s (stopped)");
            }
            int code = p.exitValue();
            if (code != 0) {
                String said = lastLine(errors);
                throw new DeliveryException("the command exited with " + code + (said.isEmpty() ? "" : ": " + said));
            }
        } catch (IOException e) {
            throw new DeliveryException("cannot run the command: "
                    + (e.getMessage() == null ? "input/output error" : e.getMessage()));
        } catch (InterruptedException e) {
            if (p != null) {
                p.destroyForcibly();
            }
            throw e;
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException e) {
                    // A temporary file left behind is harmless; the outcome is what matters here.
                }
            }
        }
    }

    private static String lastLine(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        return last.length() > 200 ? last.substring(0, 200) + "…" : last;
    }

    @Override
    public String toString() {
        return "command " + command;
    }
}
