package io.tideline.platform.guard;

import io.tideline.platform.guard.internal.StartCancellations;

/**
 * The targets of the calls Tideline rewrites in plugin classes. A plugin's {@code System.exit(n)}
 * becomes {@link #exit(int, String)}, which throws {@link PluginExitRefused} naming the plugin
 * instead of ending the process; {@code Runtime.exit} and {@code Runtime.halt} likewise. Loops in
 * a plugin's activator call {@link #checkpoint(String)} on every turn, so an activator that does
 * not finish starting in time can be ended (the platform marks its thread as cancelled).
 *
 * <p>Thread-safe. The checkpoint costs one volatile read while no start is being cancelled.
 */
public final class PluginGuard {

    private PluginGuard() {
    }

    /** Replaces {@code System.exit(status)} in the plugin {@code bundle}. */
    public static void exit(int status, String bundle) {
        throw new PluginExitRefused(bundle, "System.exit(" + status + ")");
    }

    /** Replaces {@code runtime.exit(status)} in the plugin {@code bundle}. */
    public static void exit(Runtime runtime, int status, String bundle) {
        throw new PluginExitRefused(bundle, "Runtime.exit(" + status + ")");
    }

    /** Replaces {@code runtime.halt(status)} in the plugin {@code bundle}. */
    public static void halt(Runtime runtime, int status, String bundle) {
        throw new PluginExitRefused(bundle, "Runtime.halt(" + status + ")");
    }

    /**
     * Called on every turn of a loop in a plugin's activator: throws {@link PluginStartCancelled}
     * when the start running on this thread was cancelled for taking too long.
     */
    public static void checkpoint(String bundle) {
        if (StartCancellations.cancelled(Thread.currentThread())) {
            throw new PluginStartCancelled(bundle);
        }
    }

    /** Thrown in place of ending the process; its message names the plugin and the call. */
    public static final class PluginExitRefused extends SecurityException {

        private static final long serialVersionUID = 1L;

        PluginExitRefused(String bundle, String call) {
            super("plugin " + bundle + " called " + call + "; plugins may not end Tideline, the call was refused");
        }
    }

    /** Thrown at a loop checkpoint of an activator whose start overran its time limit. */
    public static final class PluginStartCancelled extends Error {

        private static final long serialVersionUID = 1L;

        PluginStartCancelled(String bundle) {
            super("plugin " + bundle + " did not finish starting in time; its start was cancelled");
        }
    }
}
