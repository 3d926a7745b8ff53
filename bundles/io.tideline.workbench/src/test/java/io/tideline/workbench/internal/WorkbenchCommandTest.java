package io.tideline.workbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.workbench.internal.layout.LayoutFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code workbench} command over a real window (under Xvfb) opened without the framework:
 * the window's event loop runs on a thread of its own, as in Tideline, and the command is typed
 * on the test's thread, so every subcommand crosses to the UI thread and back. The window has the
 * shipped layout (its views' plugins are not here, so they show as missing) and one test view.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchCommandTest {

    private static final String NOTE = "test.note";

    @TempDir
    static Path data;

    private static ExecutorService io;
    private static Display display;
    private static WorkbenchUi ui;
    private static Thread uiThread;
    private static Command command;

    /** The context the note view was last created with. */
    private static volatile ViewContext noteContext;

    /** A view of one label showing its "text" setting: the smallest real plugin view. */
    private static final class NoteView implements ViewFactory {
        @Override
        public ViewSpec spec() {
            return new ViewSpec(NOTE, "Note", "Test", null);
        }

        @Override
        public Control create(Composite parent, ViewContext context) {
            noteContext = context;
            Label label = new Label(parent, SWT.NONE);
            label.setText(context.settings().getOrDefault("text", ""));
            return label;
        }
    }

    @BeforeAll
    static void openTheWindow() throws Exception {
        io = Executors.newSingleThreadExecutor();
        Registry registry = new Registry();
        registry.add(new Registry.Entry(new NoteView(), new NoteView().spec(), "test.plugin"));
        LayoutFile file = new LayoutFile(data.resolve("workspace/layout.json"));
        CompletableFuture<WorkbenchWindow> opened = new CompletableFuture<>();
        uiThread = new Thread(() -> {
            Display d = new Display();
            display = d;
            try {
                WorkbenchUi u = new WorkbenchUi(d, registry, file, io, new Messages(Locale.ENGLISH), data, line -> { });
                Shell shell = u.open(file.read());
                ui = u;
                opened.complete(new WorkbenchWindow(u, new UiWatchdog(d, line -> { })));
                while (!shell.isDisposed()) {
                    if (!d.readAndDispatch()) {
                        d.sleep();
                    }
                }
            } catch (RuntimeException e) {
                opened.completeExceptionally(e);
            } finally {
                d.dispose();
            }
        }, "swt-ui");
        uiThread.start();
        command = new WorkbenchCommand(opened.get(30, TimeUnit.SECONDS));
    }

    @AfterAll
    static void closeTheWindow() throws InterruptedException {
        if (display != null && !display.isDisposed()) {
            display.asyncExec(() -> ui.shell().dispose());
            display.wake();
        }
        uiThread.join(10_000);
        io.shutdownNow();
    }

    private record Typed(int code, String out, String err) {
    }

    private static Typed type(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.run(new CommandRequest(List.of(args), o, e, data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new Typed(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void assertUsageError(Typed t, String message) {
        assertThat(t.code()).isEqualTo(Command.USAGE);
        assertThat(t.out()).isEmpty();
        assertThat(t.err()).isEqualTo("workbench: " + message + "\nusage: " + command.usage() + "\n");
    }

    @Test
    @Order(1)
    void viewsListsWhatIsOfferedWhatIsOpenAndTheStacks() throws Exception {
        await("the shipped views created", () -> {
            String views = type("views").out();
            return !views.contains("PENDING") && views.endsWith("stacks 3\n");
        });
        Typed t = type("views");
        assertThat(t.code()).isZero();
        assertThat(t.err()).isEmpty();
        assertThat(t.out().lines()).first().isEqualTo("offered test.note [Test] test.plugin");
        assertThat(t.out().lines())
                .anyMatch(l -> l.startsWith("open morning-chart-1 io.tideline.views.chart MISSING "));
        assertThat(t.out()).contains("open morning-feeds io.tideline.views.feeds MISSING").contains(" (hidden)")
                .endsWith("stacks 3\n");
    }

    @Test
    @Order(2)
    void showOpensAViewWithItsSettingsAndMoveFocusAndCloseFindItByInstance() throws Exception {
        Typed shown = type("show", NOTE, "text=hello");
        assertThat(shown.code()).as(shown.err()).isZero();
        String id = shown.out().strip();
        assertThat(id).startsWith("view-");
        await("the note live", () -> type("views").out().contains("open " + id + " test.note LIVE\n"));
        assertThat(LayoutFile.json(ui.layout())).contains("\"text\" : \"hello\"");

        assertThat(type("move", id, "morning-chart", "left").out()).isEqualTo("moved\n");
        await("the note left of the chart", () -> {
            List<String> geometry = type("geometry").out().lines().toList();
            int[] chart = bounds(geometry, "stack morning-chart ");
            int[] note = bounds(geometry, "tab " + id + " ");
            return chart != null && note != null && note[0] < chart[0] && note[1] == chart[1];
        });
        assertThat(type("focus", id).out()).isEqualTo("focused\n");
        assertThat(type("close", id).out()).isEqualTo("closed\n");
        assertThat(type("views").out()).doesNotContain(id);

        assertUsageError(type("close", id), "no view " + id);
        assertUsageError(type("focus", id), "no view " + id);
        assertUsageError(type("detach", id), "no view " + id);
        assertUsageError(type("move", id, "morning-chart", "left"), "no view " + id);
        assertUsageError(type("move", id, "morning-chart", "diagonal"),
                "the side is one of center, left, right, top, bottom");
        assertUsageError(type("move", id), "move needs a stack id");
        assertUsageError(type("show", NOTE, "hello"), "a setting is key=value, not hello");
        assertUsageError(type("show"), "show needs a view id");
    }

    @Test
    @Order(3)
    void perspectiveSwitchesAndLayoutAndSaveWriteTheFile() throws Exception {
        assertUsageError(type("perspective", "nope"), "no perspective nope; there are [morning, macro, crypto]");
        assertThat(type("perspective", "macro").out()).isEqualTo("macro\n");
        Typed layout = type("layout");
        assertThat(layout.code()).isZero();
        assertThat(layout.out()).contains("\"active\" : \"macro\"");
        Path file = data.resolve("workspace/layout.json");
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("\"active\" : \"macro\"");

        assertThat(type("perspective", "morning").out()).isEqualTo("morning\n");
        assertThat(type("save").out()).isEqualTo("saved\n");
        assertThat(Files.readString(file)).contains("\"active\" : \"morning\"");
    }

    @Test
    @Order(4)
    void maximizeTogglesAStack() throws Exception {
        assertThat(type("maximize", "morning-chart").out()).isEqualTo("maximized morning-chart\n");
        await("one stack", () -> type("views").out().endsWith("stacks 1\n"));
        assertThat(type("maximize", "morning-chart").out()).isEqualTo("restored\n");
        await("three stacks", () -> type("views").out().endsWith("stacks 3\n"));
        assertUsageError(type("maximize", "nowhere"), "no stack nowhere");
    }

    @Test
    @Order(5)
    void geometrySaysWhereEachStackAndShowingTabIsOnTheDisplay() throws Exception {
        await("three stacks laid out",
                () -> type("geometry").out().lines().filter(l -> l.startsWith("stack ")).count() == 3);
        List<String> lines = type("geometry").out().lines().toList();
        assertThat(lines).allMatch(l -> l.matches("stack [\\w-]+( -?\\d+){5}|tab [\\w-]+( -?\\d+){4}"));
        assertThat(lines).anyMatch(l -> l.startsWith("stack morning-left "))
                .anyMatch(l -> l.startsWith("tab morning-checklist "));
        String[] stack = lines.stream().filter(l -> l.startsWith("stack morning-chart ")).findFirst().orElseThrow()
                .split(" ");
        assertThat(Integer.parseInt(stack[4])).isPositive();
        assertThat(Integer.parseInt(stack[5])).isPositive();
    }

    @Test
    @Order(6)
    void screenshotWritesAPngOfTheWindowOrOfOneViewNamedFromTheTypingFolder() throws Exception {
        Typed t = type("screenshot", "window.png");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).isEqualTo(data.resolve("window.png") + "\n");
        assertThat(Files.readAllBytes(data.resolve("window.png"))).startsWith(0x89, 'P', 'N', 'G');

        assertThat(type("screenshot", "view.png", "morning-chart-1").code()).isZero();
        assertThat(data.resolve("view.png")).isNotEmptyFile();
        assertUsageError(type("screenshot", "none.png", "nothere"), "no open view nothere");
        assertThat(data.resolve("none.png")).doesNotExist();
        assertUsageError(type("screenshot"), "screenshot needs a .png file");
    }

    @Test
    @Order(7)
    void statusWatchdogAndLanguageAnswer() {
        assertThat(type("status").out()).startsWith("message ");
        assertThat(type("watchdog", "reset").out()).isEqualTo("reset\n");
        Typed report = type("watchdog");
        assertThat(report.code()).isZero();
        assertThat(report.out()).isNotBlank();

        assertThat(type("language").out()).isEqualTo("en\n");
        assertThat(type("language", "de").out()).isEqualTo("de\n");
        assertThat(type("language").out()).isEqualTo("de\n");
        assertThat(type("language", "zh").out()).isEqualTo("zh_CN\n");
        assertThat(type("language", "en").out()).isEqualTo("en\n");
    }

    @Test
    @Order(8)
    void aViewWithdrawsItsOwnStatusMessageButNeverAnothers() throws Exception {
        ViewContext note = noteContext;
        assertThat(note).as("the note view was created by an earlier test").isNotNull();
        note.status("No data for role btc");
        await("the view's message", () -> type("status").out().equals("message No data for role btc\n"));
        note.status(""); // its bars arrived: the problem is gone
        await("the message withdrawn", () -> type("status").out().equals("message \n"));

        note.status("No data for role btc");
        ui.status("Feeds: 3 ok");
        await("the window's news", () -> type("status").out().equals("message Feeds: 3 ok\n"));
        note.status("");
        Thread.sleep(300);
        assertThat(type("status").out()).as("another message stays").isEqualTo("message Feeds: 3 ok\n");
        note.status("");
        assertThat(type("status").out()).isEqualTo("message Feeds: 3 ok\n");
    }

    @Test
    @Order(8)
    void noArgumentsOrAnUnknownSubcommandIsAUsageError() {
        Typed none = type();
        assertThat(none.code()).isEqualTo(Command.USAGE);
        assertThat(none.err()).isEqualTo("usage: " + command.usage() + "\n");
        assertThat(command.usage()).contains("; for tests and scripts: geometry | screenshot FILE.png [INSTANCE]"
                + " | watchdog [reset]");
        assertUsageError(type("fly"), "unknown subcommand fly");
    }

    @Test
    @Order(9)
    void withoutAWindowTheCommandSaysSo() throws Exception {
        Typed never = run(new WorkbenchCommand(new WorkbenchWindow()), "views");
        assertThat(never.code()).isEqualTo(Command.FAILED);
        assertThat(never.err()).isEqualTo("workbench: no window is open\n");

        // Closed while the command was on its way: the window's display is gone.
        display.asyncExec(() -> ui.shell().dispose());
        display.wake();
        uiThread.join(10_000);
        Typed closed = type("views");
        assertThat(closed.code()).isEqualTo(Command.FAILED);
        assertThat(closed.out()).isEmpty();
        assertThat(closed.err()).isEqualTo("workbench: no window is open\n");
    }

    /** {x, y} of the first geometry line starting with {@code prefix}, or null. */
    private static int[] bounds(List<String> geometry, String prefix) {
        return geometry.stream().filter(l -> l.startsWith(prefix)).findFirst().map(l -> {
            String[] f = l.substring(prefix.length()).split(" ");
            return new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
        }).orElse(null);
    }

    private static Typed run(Command c, String... args) throws Exception {
        Command saved = command;
        command = c;
        try {
            return type(args);
        } finally {
            command = saved;
        }
    }
}
