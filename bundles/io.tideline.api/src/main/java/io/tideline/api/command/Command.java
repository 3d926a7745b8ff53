package io.tideline.api.command;

import org.osgi.annotation.versioning.ConsumerType;


/**
 * A headless command, registered as an OSGi service by any bundle; {@code ./tideline --headless
 * NAME ...} and the Gogo shell dispatch to it by {@link #name()}.
 *
 * <p>Exit codes: {@link #OK}, {@link #FAILED} (the command ran and reported a failure on
 * {@code err}), {@link #USAGE} (the arguments were wrong; the usage was printed).
 */
@ConsumerType
public interface Command {

    /** Success. */
    int OK = 0;
    /** The command failed; the reason is on the error stream. */
    int FAILED = 1;
    /** Wrong arguments; the usage is on the error stream. */
    int USAGE = 2;

    /** The first word of the command line, e.g. {@code status} or {@code series}. */
    String name();

    /** One line saying what the command does. */
    String summary();

    /** The full usage, e.g. {@code series list | series show ID [--from DATE] [--to DATE]}. */
    String usage();

    /**
     * Runs the command.
     *
     * @return an exit code
     * @throws Exception for failures the dispatcher reports with the command's name
     */
    int run(CommandRequest request) throws Exception;
}
