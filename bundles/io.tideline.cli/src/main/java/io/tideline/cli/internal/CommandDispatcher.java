package io.tideline.cli.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.launcher.spi.HeadlessConsole;
import io.tideline.support.command.Appearing;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Runs {@code ./tideline --headless COMMAND ARGS...}: finds the {@link Command} service of that
 * name (waiting briefly for bundles that are still starting), runs it, and turns an exception
 * into one line naming the command. {@code help} lists every command.
 */
@Component(service = HeadlessConsole.class)
public final class CommandDispatcher implements HeadlessConsole {

    /** How long a command may take to appear while its bundle is still starting. */
    static final long APPEAR_MILLIS = 5_000L;

    /** How long a command waits for ConfigAdmin to deliver the changes made before it. */
    static final long SETTLE_MILLIS = 5_000L;

    private final Map<String, Command> commands = new ConcurrentSkipListMap<>();
    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    /** Whether the configurations of the start have been delivered (waited for once per process). */
    private final AtomicBoolean settled = new AtomicBoolean();

    /** Activated by SCR; ConfigAdmin is there before any Tideline bundle starts. */
    @Activate
    public CommandDispatcher(BundleContext context,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurations) {
        this.context = context;
        this.configurations = configurations;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommand(Command command) {
        commands.put(command.name(), command);
    }

    void removeCommand(Command command) {
        commands.remove(command.name(), command);
    }

    @Override
    public int execute(List<String> commandLine, PrintStream out, PrintStream err) {
        return execute(commandLine, Path.of("").toAbsolutePath(), out, err);
    }

    @Override
    public int execute(List<String> commandLine, Path workingDir, PrintStream out, PrintStream err) {
        if (commandLine.isEmpty() || commandLine.get(0).equals("help") || commandLine.get(0).equals("--help")) {
            return help(commandLine.size() > 1 ? commandLine.get(1) : null, out, err);
        }
        String name = commandLine.get(0);
        settle(err);
        Command command = await(name);
        if (command == null) {
            err.println("tideline: unknown command '" + name + "'; available: " + String.join(", ", commands.keySet())
                    + " (tideline --headless help)");
            return Command.USAGE;
        }
        try {
            return command.run(new CommandRequest(commandLine.subList(1, commandLine.size()), out, err, workingDir));
        } catch (Exception e) {
            err.println("tideline " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return Command.FAILED;
        } catch (LinkageError e) {
            // A plugin built against classes the running bundles do not have: say so, keep running.
            err.println("tideline " + name + ": the command's plugin does not match the installed bundles: " + e);
            return Command.FAILED;
        }
    }

    /**
     * Before the first command: the settings of deploy/*.cfg have reached the components; when
     * they have not within {@link #SETTLE_MILLIS}, the command runs anyway and says so.
     */
    private void settle(PrintStream err) {
        if (configurations == null || !settled.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!SettledConfigurations.await(context, configurations, SETTLE_MILLIS)) {
                err.println("tideline: the settings read from the deploy folder (*.cfg) were not all applied within "
                        + SETTLE_MILLIS / 1000 + " s; the command runs with what has been applied ('status' shows"
                        + " settings that were refused)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Command await(String name) {
        return Appearing.await(() -> commands.get(name), java.util.Objects::nonNull, APPEAR_MILLIS);
    }

    private int help(String name, PrintStream out, PrintStream err) {
        if (name != null) {
            Command command = await(name);
            if (command == null) {
                err.println("tideline: unknown command '" + name + "'");
                return Command.USAGE;
            }
            out.println(command.summary());
            out.println("usage: " + command.usage());
            return Command.OK;
        }
        out.println("Commands (tideline --headless COMMAND ...):");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(4);
        commands.forEach((n, c) -> out.printf("  %-" + width + "s  %s%n", n, c.summary()));
        out.println("  " + " ".repeat(width) + "  (tideline --headless help COMMAND for its usage)");
        return Command.OK;
    }
}
