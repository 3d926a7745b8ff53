package io.tideline.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts Tideline: {@code java -Dtideline.home=DIST -cp 'DIST/lib/*' io.tideline.launcher.Main ARGS}.
 * The {@code tideline} script finds a JDK and builds the distribution first.
 *
 * <p>Exit codes: 0 success, 1 failure (the reason on standard error), 2 wrong arguments, 3 the
 * data directory is in use by another Tideline (see {@link DataDirLock}); a headless command
 * returns its own code (0, 1 or 2).
 *
 * <p>A headless command goes to the Tideline already running on the data directory (a window or
 * {@code serve}) through its {@link ControlChannel} when one listens there, and runs in a
 * framework of its own otherwise. {@code --headless serve} runs without a window until SIGTERM or
 * Ctrl-C, refreshing feeds and answering other processes' commands.
 */
public final class Main {

    /**
     * Exit code when another Tideline holds the data directory: nothing was done, and a script
     * may try again later (1 is a failure, 2 wrong arguments).
     */
    static final int IN_USE = 3;

    private Main() {
    }

    /** Runs Tideline and exits with the command's exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path home = Path.of(System.getProperty("tideline.home", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, home, System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println("tideline: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return 0;
        }
        if (!options.headless() && !hasDisplay()) {
            System.err.println("tideline: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run it on a"
                    + " desktop, under xvfb-run, or without a window: tideline --headless status");
            return 1;
        }
        boolean serve = options.headless() && !options.command().isEmpty() && options.command().get(0).equals("serve");
        if (serve && options.command().size() > 1) {
            System.err.println("tideline: serve takes no arguments (tideline --headless serve)");
            return 2;
        }
        // A one-shot command goes to the Tideline already running on the data directory, if one
        // listens there; otherwise this process boots its own framework.
        boolean oneShot = options.headless() && !options.command().isEmpty() && !serve;
        Path workingDir = Path.of("").toAbsolutePath();
        if (oneShot) {
            OptionalInt remote = sendToRunning(options, workingDir);
            if (remote.isPresent()) {
                return remote.getAsInt();
            }
        }
        if (options.timing()) {
            // The workbench reads it (a framework property falls back to system properties) to
            // print the time to its first painted window.
            System.setProperty("tideline.timing", "true");
        }
        TidelineFramework tideline;
        // Registered before the start: the window shows before the last bundles have started, and
        // a SIGTERM or Ctrl-C then (or a window closed) must still stop the framework cleanly; the
        // hook waits for the start to end, then closes what it started.
        CompletableFuture<TidelineFramework> started = new CompletableFuture<>();
        Thread hook = new Thread(() -> closeWhenStarted(started), "tideline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Map<String, String> properties = new HashMap<>(ConfigFile.read(home.resolve("config/tideline.properties")));
            if (!oneShot) {
                properties.put(LaunchConfig.CONTROL, "true");
            }
            if (serve) {
                properties.put(LaunchConfig.SERVE, "true");
                // Hot deploy within about two seconds is enough without a window, and an idle
                // serve should not wake four times a second to look at the deploy folder.
                properties.putIfAbsent("felix.fileinstall.poll", "1000");
            }
            LaunchConfig config = new LaunchConfig(home.resolve("bundles"), options.deployDir(), options.dataDir(),
                    options.headless(), options.console(), properties);
            tideline = TidelineFramework.start(config);
            started.complete(tideline);
        } catch (DataDirLock.InUseException e) {
            // The holder may have bound its control socket since the first look (it binds right
            // after locking): then the command runs there after all.
            if (oneShot) {
                OptionalInt remote = sendToRunning(options, workingDir);
                if (remote.isPresent()) {
                    return remote.getAsInt();
                }
            }
            System.err.println("tideline: " + e.getMessage());
            return IN_USE;
        } catch (Exception e) {
            System.err.println("tideline: cannot start: " + describe(e));
            return 1;
        } finally {
            // Nothing started (or it already completed with the framework): the hook has nothing to wait for.
            started.complete(null);
        }
        for (String failure : tideline.startFailures()) {
            System.err.println("tideline: bundle not started: " + failure);
        }
        if (options.timing()) {
            long sinceProcessStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            int count = tideline.context().getBundles().length;
            System.err.printf("tideline: timing: %d bundles, %d inactive; framework boot %d ms;"
                    + " process start to all bundles active %d ms%n", count, tideline.inactiveBundles().size(),
                    tideline.bootMillis(), sinceProcessStart);
        }
        try {
            if (oneShot) {
                return ControlServer.execute(tideline.context(), options.command(), workingDir, System.out, System.err);
            }
            if (serve) {
                stopOnSignals(tideline);
                System.out.println("tideline: serving " + options.dataDir() + " without a window (pid "
                        + ProcessHandle.current().pid() + "); feeds refresh on their schedule unless the store is shared and"
                        + " another Tideline is its collector ('feeds status' says); "
                        + (tideline.controlSocket() == null ? "no control channel"
                                : "commands from other processes run here (" + tideline.controlSocket() + ")")
                        + "; stop with Ctrl-C or kill " + ProcessHandle.current().pid());
            }
            tideline.awaitStop();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            closeQuietly(tideline);
        }
    }

    /**
     * Sends the command to the Tideline running on the data directory; empty when none listens.
     * A connection lost in the middle is a failure of the command (exit 1), said on standard error.
     */
    private static OptionalInt sendToRunning(Options options, Path workingDir) {
        try {
            return ControlChannel.send(options.dataDir(), options.command(), workingDir, System.out, System.err);
        } catch (IOException e) {
            System.err.println("tideline: " + e.getMessage());
            return OptionalInt.of(1);
        }
    }

    /**
     * Under {@code serve}, SIGTERM and SIGINT stop the framework cleanly (the store closed, the
     * lock and the socket released) and the process exits 0: a stop asked for is not a failure.
     */
    private static void stopOnSignals(TidelineFramework tideline) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name),
                        signal -> new Thread(() -> closeQuietly(tideline), "tideline-stop-" + name).start());
            } catch (IllegalArgumentException e) {
                // The signal is not known on this system; the JVM's default (the shutdown hook) remains.
            }
        }
    }

    /** A start failure in words: a file-system exception's message is only the path. */
    static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return "a file is in the way of a folder: " + f.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
                    + (f.getReason() == null ? "cannot be used" : f.getReason());
        }
        return e.getMessage();
    }

    private static boolean hasDisplay() {
        Map<String, String> env = System.getenv();
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The shutdown hook: waits up to a minute for a start under way, then stops what it started. */
    private static void closeWhenStarted(CompletableFuture<TidelineFramework> started) {
        TidelineFramework tideline;
        try {
            tideline = started.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("tideline: shutdown: the start did not end within 60 s; stopping without closing");
            return;
        }
        if (tideline != null) {
            closeQuietly(tideline);
        }
    }

    private static void closeQuietly(TidelineFramework tideline) {
        try {
            tideline.close();
        } catch (Exception e) {
            System.err.println("tideline: shutdown: " + e.getMessage());
        }
    }
}
