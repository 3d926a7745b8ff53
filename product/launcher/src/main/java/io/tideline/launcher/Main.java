package io.tideline.launcher;

import io.tideline.launcher.spi.HeadlessConsole;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Starts Tideline: {@code java -Dtideline.home=DIST -cp 'DIST/lib/*' io.tideline.launcher.Main ARGS}.
 * The {@code tideline} script finds a JDK and builds the distribution first.
 *
 * <p>Exit codes: 0 success, 1 failure (the reason on standard error), 2 wrong arguments, 3 the
 * data directory is in use by another Tideline (see {@link DataDirLock}); a headless command
 * returns its own code (0, 1 or 2).
 */
public final class Main {

    private static final long CONSOLE_WAIT_MILLIS = 30_000L;

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
        if (options.timing()) {
            // The workbench reads it (a framework property falls back to system properties) to
            // print the time to its first painted window.
            System.setProperty("tideline.timing", "true");
        }
        TidelineFramework tideline;
        try {
            LaunchConfig config = new LaunchConfig(home.resolve("bundles"), options.deployDir(), options.dataDir(),
                    options.headless(), options.console(), ConfigFile.read(home.resolve("config/tideline.properties")));
            tideline = TidelineFramework.start(config);
        } catch (DataDirLock.InUseException e) {
            System.err.println("tideline: " + e.getMessage());
            return IN_USE;
        } catch (Exception e) {
            System.err.println("tideline: cannot start: " + describe(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(tideline), "tideline-shutdown"));
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
            if (options.headless() && !options.command().isEmpty()) {
                return runCommand(tideline, options.command());
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

    private static int runCommand(TidelineFramework tideline, List<String> command) throws InterruptedException {
        BundleContext context = tideline.context();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONSOLE_WAIT_MILLIS);
        ServiceReference<HeadlessConsole> ref;
        while ((ref = context.getServiceReference(HeadlessConsole.class)) == null) {
            if (System.nanoTime() > deadline || !cliBundleActive(context)) {
                System.err.println("tideline: the command console (bundle io.tideline.cli) is not running; see the errors above and check the bundles/ folder of the distribution");
                return 1;
            }
            Thread.sleep(20);
        }
        HeadlessConsole console = context.getService(ref);
        try {
            return console.execute(command, System.out, System.err);
        } finally {
            context.ungetService(ref);
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

    private static boolean cliBundleActive(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if ("io.tideline.cli".equals(b.getSymbolicName())) {
                return b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
            }
        }
        return false;
    }

    private static boolean hasDisplay() {
        Map<String, String> env = System.getenv();
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void closeQuietly(TidelineFramework tideline) {
        try {
            tideline.close();
        } catch (Exception e) {
            System.err.println("tideline: shutdown: " + e.getMessage());
        }
    }
}
