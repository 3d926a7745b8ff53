package io.tideline.api.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One invocation of a headless command.
 *
 * <p>A command may run in another process than the one that typed it: {@code ./tideline
 * --headless CMD} sends the command line to a running Tideline (a window or {@code serve}) when
 * there is one. File names among the arguments are therefore resolved with {@link #path}, against
 * the working directory of the process that typed them, never against this process's.
 *
 * @param args the arguments after the command's name
 * @param out where results go
 * @param err where progress and errors go
 * @param workingDir the absolute working directory of the process that typed the command
 *     (since 1.1)
 */
public record CommandRequest(List<String> args, PrintStream out, PrintStream err, Path workingDir) {

    /** Copies the arguments; rejects a relative working directory. */
    public CommandRequest {
        args = List.copyOf(args);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(workingDir, "workingDir");
        if (!workingDir.isAbsolute()) {
            throw new IllegalArgumentException("the working directory must be absolute: " + workingDir);
        }
    }

    /** A request typed in this process's working directory. */
    public CommandRequest(List<String> args, PrintStream out, PrintStream err) {
        this(args, out, err, Path.of("").toAbsolutePath());
    }

    /**
     * A file or folder named on the command line, resolved against {@link #workingDir()}: an
     * absolute name is kept, a relative one is taken from where the command was typed.
     *
     * @throws java.nio.file.InvalidPathException if the text cannot name a path
     * @since 1.1
     */
    public Path path(String name) {
        return workingDir.resolve(name).normalize();
    }
}
