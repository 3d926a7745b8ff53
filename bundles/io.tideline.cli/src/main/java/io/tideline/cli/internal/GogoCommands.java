package io.tideline.cli.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import java.io.PrintStream;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Offers every {@link Command} in the Gogo shell as {@code tideline:NAME}, e.g.
 * {@code tideline:status}, and takes it away when the command's bundle leaves.
 */
@Component(immediate = true)
public final class GogoCommands {

    private final Set<Command> commands = ConcurrentHashMap.newKeySet();
    private final Map<Command, ServiceRegistration<Function>> registrations = new ConcurrentHashMap<>();
    private volatile BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        commands.forEach(this::register);
    }

    @Deactivate
    void deactivate() {
        context = null;
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommand(Command command) {
        commands.add(command);
        if (context != null) {
            register(command);
        }
    }

    void removeCommand(Command command) {
        commands.remove(command);
        ServiceRegistration<Function> r = registrations.remove(command);
        if (r != null) {
            r.unregister();
        }
    }

    private void register(Command command) {
        registrations.computeIfAbsent(command, this::registerFunction);
    }

    private ServiceRegistration<Function> registerFunction(Command command) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(CommandProcessor.COMMAND_SCOPE, "tideline");
        props.put(CommandProcessor.COMMAND_FUNCTION, new String[] {command.name()});
        return context.registerService(Function.class, (CommandSession session, List<Object> args) -> {
            PrintStream console = session.getConsole();
            List<String> words = args.stream().map(String::valueOf).toList();
            int code = command.run(new CommandRequest(words, console, console));
            return code == Command.OK ? null : "exit code " + code;
        }, props);
    }
}
