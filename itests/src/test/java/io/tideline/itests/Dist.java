package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import io.tideline.launcher.spi.HeadlessConsole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The assembled distribution under test, and helpers to boot and drive it. */
final class Dist {

    /** The distribution folder, unpacked from the product zip by the build. */
    static final Path HOME = Path.of(required("tideline.dist"));
    /** Bundles built for the tests to deploy: greeter.jar, unresolved.jar. */
    static final Path DEPLOYABLES = Path.of(required("tideline.deployables"));

    /**
     * How long a poll waits before it fails. Generous on purpose: a condition that holds returns
     * at once, and a busy 2-core CI machine took over 15 s to start a hot-deployed bundle.
     */
    static final Duration WAIT = Duration.ofSeconds(90);

    private Dist() {
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with"
                    + " Maven (./test.sh), which unpacks the distribution first");
        }
        return value;
    }

    /** The example greeter plugin (examples/), hot-deployed by several tests. */
    static final String GREETER = "io.tideline.example.greeter";
    /** Its {@code greet} command service. */
    static final String GREET_SERVICE =
            "(&(objectClass=io.tideline.api.command.Command)(component.name=io.tideline.example.greeter.GreetCommand))";

    /** Boots the distribution's bundles headless, with its own data and deploy folders. */
    static TidelineFramework boot(Path work) throws Exception {
        return TidelineFramework.start(new LaunchConfig(HOME.resolve("bundles"), work.resolve("deploy"),
                work.resolve("data"), true, false, Map.of()));
    }

    /**
     * Boots the distribution's bundles except those whose file name starts with one of
     * {@code left out} (to hot-deploy them later), from a copy in {@code work/dist}.
     */
    static TidelineFramework bootWithout(Path work, String... leftOut) throws Exception {
        Path bundles = Files.createDirectories(work.resolve("dist/bundles"));
        try (var jars = Files.list(HOME.resolve("bundles"))) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                if (Arrays.stream(leftOut).noneMatch(name::startsWith)) {
                    Files.copy(jar, bundles.resolve(name));
                }
            }
        }
        return TidelineFramework.start(new LaunchConfig(bundles, work.resolve("deploy"), work.resolve("data"), true,
                false, Map.of()));
    }

    /** Copies a file into a folder under its final name in one atomic step, as an admin's mv would. */
    static Path drop(Path source, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + name + ".part");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes a text file atomically. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path tmp = dir.resolve("." + name + ".part");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Polls until the condition holds; fails naming what was awaited. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The services matching an LDAP filter, looked up by the framework (no API classes here). */
    static List<ServiceReference<?>> services(BundleContext context, String filter) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
            return refs == null ? List.of() : List.of(refs);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Saves one setting through the framework's ConfigAdmin, as the settings view does (no API classes here). */
    static void configure(BundleContext context, String pid, String key, String value) throws Exception {
        withConfigAdmin(context, (admin, type) -> {
            Object config = type.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(key, value);
            type.getClassLoader().loadClass("org.osgi.service.cm.Configuration")
                    .getMethod("update", Dictionary.class).invoke(config, props);
            return null;
        });
    }

    /** Whether ConfigAdmin holds a configuration with this PID. */
    static boolean configured(BundleContext context, String pid) {
        try {
            return withConfigAdmin(context, (admin, type) -> {
                Object[] found = (Object[]) type.getMethod("listConfigurations", String.class)
                        .invoke(admin, "(service.pid=" + pid + ")");
                return found != null && found.length > 0;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface AdminCall<T> {
        T call(Object admin, Class<?> adminType) throws Exception;
    }

    private static <T> T withConfigAdmin(BundleContext context, AdminCall<T> call) throws Exception {
        List<ServiceReference<?>> refs = services(context, "(objectClass=org.osgi.service.cm.ConfigurationAdmin)");
        assertThat(refs).as("ConfigAdmin").isNotEmpty();
        ServiceReference<?> ref = refs.get(0);
        Object admin = context.getService(ref);
        try {
            return call.call(admin, ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin"));
        } finally {
            context.ungetService(ref);
        }
    }

    /** The installed bundle with this symbolic name; fails if there is none. */
    static Bundle bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** The output of one headless command. */
    record Result(int code, String out, String err) {
    }

    /** Runs a command line through the command bundle's console, as the launcher does. */
    static Result run(BundleContext context, String... commandLine) {
        ServiceReference<HeadlessConsole> ref = context.getServiceReference(HeadlessConsole.class);
        assertThat(ref).as("HeadlessConsole service of io.tideline.cli").isNotNull();
        HeadlessConsole console = context.getService(ref);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = console.execute(List.of(commandLine), o, e);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            context.ungetService(ref);
        }
    }
}
