package io.tideline.api.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * One invocation of a headless command.
 *
 * @param args the arguments after the command's name
 * @param out where results go
 * @param err where progress and errors go
 */
public record CommandRequest(List<String> args, PrintStream out, PrintStream err) {

    /** Copies the arguments. */
    public CommandRequest {
        args = List.copyOf(args);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
