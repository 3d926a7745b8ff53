package io.tideline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.platform.guard.PluginGuard;
import io.tideline.platform.guard.internal.StartCancellations;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The rewriting itself, on real compiled classes defined in a class loader of their own: the
 * calls that end the process throw instead, naming the plugin, and a loop of an activator ends
 * at its next turn once its thread is cancelled.
 */
class PluginWeaverTest {

    /** Stands for a hostile plugin's code; only ever run rewritten. */
    public static final class Hostile {
        public static void systemExit() {
            System.exit(42);
        }

        public static void runtimeExit() {
            Runtime.getRuntime().exit(43);
        }

        public static void halt() {
            Runtime.getRuntime().halt(44);
        }

        public static long spin() {
            long turns = 0;
            while (true) {
                turns++;
                if (turns == Long.MIN_VALUE) {
                    return turns;
                }
            }
        }
    }

    /** Plain code: nothing to rewrite. */
    public static final class Harmless {
        public static int sum(int[] values) {
            int s = 0;
            for (int v : values) {
                s += v;
            }
            return s;
        }
    }

    @Test
    void systemExitRuntimeExitAndHaltThrowNamingThePlugin() throws Exception {
        Class<?> woven = define(Hostile.class, PluginWeaver.rewrite(bytes(Hostile.class), "acme.plugin 1.2.0", false));
        assertThatThrownBy(() -> call(woven, "systemExit")).isInstanceOf(PluginGuard.PluginExitRefused.class)
                .isInstanceOf(SecurityException.class)
                .hasMessage("plugin acme.plugin 1.2.0 called System.exit(42); plugins may not end Tideline, the call was refused");
        assertThatThrownBy(() -> call(woven, "runtimeExit")).hasMessageContaining("called Runtime.exit(43)");
        assertThatThrownBy(() -> call(woven, "halt")).hasMessageContaining("acme.plugin 1.2.0 called Runtime.halt(44)");
    }

    @Test
    void aClassWithoutSuchCallsIsLeftAlone() throws Exception {
        assertThat(PluginWeaver.rewrite(bytes(Harmless.class), "acme.plugin 1.2.0", false)).isNull();
        byte[] withCheckpoints = PluginWeaver.rewrite(bytes(Harmless.class), "acme.plugin 1.2.0", true);
        assertThat(withCheckpoints).as("a loop gets a checkpoint").isNotNull();
        Class<?> woven = define(Harmless.class, withCheckpoints);
        assertThat(woven.getMethod("sum", int[].class).invoke(null, (Object) new int[] {1, 2, 3})).isEqualTo(6);
    }

    @Test
    void aCancelledThreadLeavesTheLoopOfAnActivatorAtItsNextTurn() throws Exception {
        Class<?> woven = define(Hostile.class, PluginWeaver.rewrite(bytes(Hostile.class), "acme.loop 1.0.0", true));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                call(woven, "spin");
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        t.setDaemon(true);
        t.start();
        t.join(300);
        assertThat(t.isAlive()).as("spinning before being cancelled").isTrue();
        StartCancellations.cancel(t);
        try {
            t.join(30_000);
        } finally {
            StartCancellations.release(t);
        }
        assertThat(t.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(PluginGuard.PluginStartCancelled.class)
                .hasMessageContaining("acme.loop 1.0.0 did not finish starting in time");
    }

    @Test
    void theCheapPreCheckFindsTheOwnerNames() throws Exception {
        byte[] hostile = bytes(Hostile.class);
        assertThat(PluginWeaver.mentions(hostile, "java/lang/System".getBytes())).isTrue();
        assertThat(PluginWeaver.mentions(bytes(Harmless.class), "java/lang/Runtime".getBytes())).isFalse();
    }

    private static Object call(Class<?> type, String method) throws Throwable {
        Method m = type.getMethod(method);
        try {
            return m.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** Defines the bytes under the class's own name in a fresh loader, so the original stays untouched. */
    private static Class<?> define(Class<?> original, byte[] bytes) {
        assertThat(bytes).isNotNull();
        return new ClassLoader(PluginWeaverTest.class.getClassLoader()) {
            Class<?> load() {
                return defineClass(original.getName(), bytes, 0, bytes.length);
            }
        }.load();
    }
}
