package io.tideline.launcher.spi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one headless command line inside the framework. Registered as a service by the command
 * bundle; the launcher calls it for {@code ./tideline --headless COMMAND ARGS...}.
 */
public interface HeadlessConsole {

    /**
     * Runs a command line.
     *
     * @param commandLine the command's name and its arguments
     * @param out where results go
     * @param err where progress and errors go
     * @return the process exit code: 0 success, 1 failure, 2 usage error
     */
    int execute(List<String> commandLine, PrintStream out, PrintStream err);

    /**
     * Runs a command line typed in {@code workingDir}, which may be another process's (a command
     * sent to a running Tideline): file names among the arguments are read from there.
     *
     * @param workingDir the absolute working directory of the process that typed the command
     * @return the process exit code: 0 success, 1 failure, 2 usage error
     * @since 1.1
     */
    default int execute(List<String> commandLine, Path workingDir, PrintStream out, PrintStream err) {
        return execute(commandLine, out, err);
    }
}
