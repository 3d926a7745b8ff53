package io.tideline.workbench.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.workbench.internal.layout.LayoutFile;
import io.tideline.workbench.internal.layout.Side;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code workbench ...}: drives the open window for scripts and tests, through the same code
 * paths as the mouse, and reads back what it shows. A thin command over {@link WorkbenchDesk}:
 * it parses, prints and picks the exit code; the window does the work on its UI thread. It
 * answers when the window component runs headless too, saying that there is no window.
 */
@Component(service = Command.class)
public final class WorkbenchCommand implements Command {

    private final WorkbenchDesk desk;

    /** Activated by SCR with the window. */
    @Activate
    public WorkbenchCommand(@Reference WorkbenchDesk desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "workbench";
    }

    @Override
    public String summary() {
        return "drive the open window: layout, perspectives, views, screenshots, UI responsiveness";
    }

    @Override
    public String usage() {
        return "workbench layout | perspective ID | show VIEW_ID [key=value...] | move INSTANCE STACK"
                + " center|left|right|top|bottom | detach INSTANCE | focus INSTANCE | close INSTANCE | views | save"
                + " | maximize STACK | status | language [en|de|zh]"
                + "; for tests and scripts: geometry | screenshot FILE.png [INSTANCE] | watchdog [reset]";
    }

    @Override
    public int run(CommandRequest request) {
        List<String> args = request.args();
        if (args.isEmpty()) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        if (!desk.windowOpen()) {
            request.err().println("workbench: no window is open"
                    + (desk.headless() ? " (this Tideline runs headless; start the window with ./tideline, then send it"
                            + " workbench commands from a second terminal)" : ""));
            return FAILED;
        }
        try {
            String result = execute(args, request);
            if (!result.isEmpty()) {
                request.out().println(result);
            }
            return OK;
        } catch (IllegalArgumentException e) {
            // Bad arguments, and a change the layout refuses; an unreadable path too (InvalidPathException).
            request.err().println("workbench: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        } catch (RuntimeException e) {
            request.err().println("workbench: " + e.getMessage());
            return FAILED;
        }
    }

    private String execute(List<String> args, CommandRequest request) {
        String sub = args.get(0);
        return switch (sub) {
            case "layout" -> LayoutFile.json(desk.save());
            case "save" -> {
                desk.save();
                yield "saved";
            }
            case "perspective" -> {
                String id = arg(args, 1, "a perspective id");
                if (!desk.switchTo(id)) {
                    throw new IllegalArgumentException("no perspective " + id + "; there are "
                            + desk.layout().perspectives().stream().map(p -> p.id()).toList());
                }
                yield id;
            }
            case "show" -> {
                Map<String, String> settings = new HashMap<>();
                for (String kv : args.subList(Math.min(2, args.size()), args.size())) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("a setting is key=value, not " + kv);
                    }
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                yield desk.show(arg(args, 1, "a view id"), settings);
            }
            case "move" -> {
                String instance = arg(args, 1, "a view instance id");
                String stack = arg(args, 2, "a stack id");
                Side side;
                try {
                    side = Side.valueOf(arg(args, 3, "a side").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the side is one of center, left, right, top, bottom");
                }
                yield done(desk.move(instance, stack, side), instance, "moved");
            }
            case "detach" -> {
                String instance = arg(args, 1, "a view instance id");
                yield done(desk.detach(instance), instance, "detached");
            }
            case "focus" -> {
                String instance = arg(args, 1, "a view instance id");
                yield done(desk.focus(instance), instance, "focused");
            }
            case "close" -> {
                String instance = arg(args, 1, "a view instance id");
                yield done(desk.close(instance), instance, "closed");
            }
            case "status" -> {
                // The status bar as the user reads it: the notice that stays until clicked, then
                // the latest message.
                WorkbenchDesk.StatusBar bar = desk.status();
                yield (bar.notice() == null ? "" : "notice " + bar.notice() + "\n")
                        + (bar.alert() == null ? "" : "alert " + bar.alert().replace('\n', ' ') + "\n")
                        + (bar.asOf() == null ? "" : "asof " + bar.asOf() + "\n") + "message " + bar.message();
            }
            case "views" -> views(desk.views());
            case "screenshot" -> {
                Path png = request.path(arg(args, 1, "a .png file"));
                String instance = args.size() > 2 ? args.get(2) : null;
                if (!desk.screenshot(png, instance)) {
                    throw new IllegalArgumentException("no open view " + instance);
                }
                yield png.toString();
            }
            case "watchdog" -> {
                if (args.size() > 1 && args.get(1).equals("reset")) {
                    desk.resetWatchdog();
                    yield "reset";
                }
                yield desk.watchdog();
            }
            case "geometry" -> geometry(desk.geometry());
            case "maximize" -> {
                String stack = arg(args, 1, "a stack id");
                yield switch (desk.toggleMaximize(stack)) {
                    case NO_STACK -> throw new IllegalArgumentException("no stack " + stack);
                    case MAXIMIZED -> "maximized " + stack;
                    case RESTORED -> "restored";
                };
            }
            case "language" -> args.size() == 1 ? desk.language().getLanguage() : desk.language(args.get(1)).toString();
            default -> throw new IllegalArgumentException("unknown subcommand " + sub);
        };
    }

    /** "offered ..." per registered view, "open ..." per instance, then "stacks N". */
    private static String views(WorkbenchDesk.Views views) {
        StringBuilder sb = new StringBuilder();
        for (WorkbenchDesk.Offered o : views.offered()) {
            sb.append("offered ").append(o.viewId()).append(" [").append(o.category()).append("] ").append(o.plugin())
                    .append('\n');
        }
        for (WorkbenchDesk.Open o : views.open()) {
            sb.append("open ").append(o.instanceId()).append(' ').append(o.viewId()).append(' ').append(o.state())
                    .append(o.shown() ? "" : " (hidden)").append(o.message() == null ? "" : " " + o.message())
                    .append('\n');
        }
        return sb.append("stacks ").append(views.stacks()).toString();
    }

    /** "stack ID X Y WIDTH HEIGHT TAB_HEIGHT", each followed by its "tab INSTANCE X Y WIDTH HEIGHT" lines. */
    private static String geometry(List<WorkbenchDesk.StackGeometry> stacks) {
        StringBuilder sb = new StringBuilder();
        for (WorkbenchDesk.StackGeometry s : stacks) {
            sb.append("stack ").append(s.id()).append(' ').append(s.x()).append(' ').append(s.y()).append(' ')
                    .append(s.width()).append(' ').append(s.height()).append(' ').append(s.tabHeight()).append('\n');
            for (WorkbenchDesk.TabGeometry t : s.tabs()) {
                sb.append("tab ").append(t.instanceId()).append(' ').append(t.x()).append(' ').append(t.y())
                        .append(' ').append(t.width()).append(' ').append(t.height()).append('\n');
            }
        }
        return sb.toString().strip();
    }

    /** {@code result} when the desk found the view, else the usage error naming it. */
    private static String done(boolean found, String instance, String result) {
        if (!found) {
            throw new IllegalArgumentException("no view " + instance);
        }
        return result;
    }

    private static String arg(List<String> args, int i, String what) {
        if (args.size() <= i) {
            throw new IllegalArgumentException(args.get(0) + " needs " + what);
        }
        return args.get(i);
    }
}
