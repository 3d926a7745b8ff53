package io.tideline.example.greeter;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code greet [NAME]}: prints the configured greeting. Configure it by dropping
 * {@code io.tideline.example.greeter.cfg} with {@code greeting=...} into {@code deploy/}; the
 * configuration also appears on the service's properties.
 */
@Component(configurationPid = GreetCommand.PID)
@Designate(ocd = GreetCommand.Config.class)
public final class GreetCommand implements Command {

    /** The ConfigAdmin PID of this component. */
    public static final String PID = "io.tideline.example.greeter";

    /** The component's settings, which the workbench draws a form for. */
    @ObjectClassDefinition(name = "Example greeter", description = "The greeting the 'greet' command prints.")
    public @interface Config {

        /** @return the greeting */
        @AttributeDefinition(name = "Greeting", description = "Printed before the name.")
        String greeting() default "Hello";
    }

    private volatile String greeting;

    @Activate
    @Modified
    void configure(Config config) {
        greeting = config.greeting();
    }

    @Override
    public String name() {
        return "greet";
    }

    @Override
    public String summary() {
        return "prints the configured greeting (an example plugin)";
    }

    @Override
    public String usage() {
        return "greet [NAME]";
    }

    @Override
    public int run(CommandRequest request) {
        if (request.args().size() > 1) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        String who = request.args().isEmpty() ? "Tideline" : request.args().get(0);
        request.out().println(greeting + ", " + who + "!");
        return OK;
    }
}
