package io.tideline.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's command line: options first, then an optional headless command and its
 * arguments, which are passed on untouched.
 *
 * @param home the distribution folder (bundles/, config/, deploy/)
 * @param dataDir the data directory
 * @param deployDir the folder watched for hot deploy
 * @param headless run without a display
 * @param console open the interactive Gogo shell
 * @param timing print start-up timings
 * @param help print the usage and exit
 * @param command the headless command line, possibly empty
 */
record Options(Path home, Path dataDir, Path deployDir, boolean headless, boolean console, boolean timing,
        boolean help, List<String> command) {

    static final String USAGE = """
            Usage: tideline [options] [--headless [COMMAND [ARGS...]]]

              (no options)        open the workbench window on the sample workspace
              --headless          run without a display; with a COMMAND, run it and exit
              --data-dir DIR      data directory (default: $TIDELINE_HOME, else ~/.tideline)
              --deploy-dir DIR    folder watched for hot-deployed bundles (default: deploy/ in the distribution folder)
              --console           open the Gogo shell on this terminal
              --timing            print the time from process start to all bundles active
              --help              print this help

            Headless commands (run 'tideline --headless help' for the full list):
              status              bundles with their state, Tideline services, data directory
              serve               run without a window until stopped (SIGTERM, Ctrl-C): feeds refresh on
                                  their schedule, and other processes' commands run in it

            A headless command is sent to the Tideline running on the data directory (a window or
            serve) when there is one, and answers without starting a second Tideline.
            """;

    /**
     * Parses the arguments.
     *
     * @param env the process environment (for TIDELINE_HOME)
     * @param userHome the user's home folder
     * @throws IllegalArgumentException naming the bad option
     */
    static Options parse(String[] args, Path home, Map<String, String> env, Path userHome) {
        String envHome = env.get("TIDELINE_HOME");
        Path dataDir = envHome != null && !envHome.isBlank() ? Path.of(envHome) : userHome.resolve(".tideline");
        Path deployDir = home.resolve("deploy");
        boolean headless = false;
        boolean console = false;
        boolean timing = false;
        boolean help = false;
        List<String> command = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (!command.isEmpty() || !a.startsWith("--")) {
                command.add(a);
            } else {
                switch (a) {
                    case "--headless" -> headless = true;
                    case "--console" -> console = true;
                    case "--timing" -> timing = true;
                    case "--help", "-h" -> help = true;
                    case "--data-dir" -> dataDir = Path.of(valueOf(args, ++i, a));
                    case "--deploy-dir" -> deployDir = Path.of(valueOf(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
                }
            }
            i++;
        }
        if (!command.isEmpty() && !headless) {
            throw new IllegalArgumentException("the command '" + String.join(" ", command)
                    + "' needs --headless, e.g. tideline --headless " + command.get(0));
        }
        return new Options(home, dataDir.toAbsolutePath().normalize(), deployDir.toAbsolutePath().normalize(),
                headless, console, timing, help, List.copyOf(command));
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a folder, e.g. " + option + " /tmp/tideline");
        }
        return args[i];
    }
}
