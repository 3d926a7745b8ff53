package io.tideline.workbench.internal;

import io.tideline.workbench.internal.layout.Layout;
import io.tideline.workbench.internal.layout.Side;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The open window, as the {@code workbench} command drives it: the same operations the mouse
 * triggers, and what the command reads back from the screen. A service private to this bundle
 * (its package is not exported), registered by {@link WorkbenchWindow}, so that
 * {@link WorkbenchCommand} stays a thin class that parses, prints and picks the exit code.
 *
 * <p>Every operation but {@link #windowOpen()} and {@link #headless()} runs on the UI thread and
 * waits for it (at most 15 s), so it may be called from any thread. Each throws
 * {@link IllegalStateException} when there is no window (it closed meanwhile) or the UI thread did
 * not answer in time, and {@link IllegalArgumentException} where the layout refuses the change.
 * An operation on something that is not there (no such view, stack or perspective) changes
 * nothing and says so in its result, for the command to word.
 */
public interface WorkbenchDesk {

    /** Whether the window is open now (never when this Tideline runs headless). */
    boolean windowOpen();

    /** Whether this Tideline runs without a window ({@code --headless}, {@code serve}). */
    boolean headless();

    /** The layout as it is now, every perspective with it (immutable). */
    Layout layout();

    /** Writes {@code layout.json} now, waiting for the write, and returns the layout written. */
    Layout save();

    /** Switches to perspective {@code id}; false (nothing changed) when there is none. */
    boolean switchTo(String id);

    /** Opens an instance of view {@code viewId} with its settings in the active stack; returns its instance id. */
    String show(String viewId, Map<String, String> settings);

    /**
     * Moves a view as dropping its dragged tab on {@code side} of {@code stack} does; false: no
     * view {@code instance}.
     */
    boolean move(String instance, String stack, Side side);

    /** Moves a view into a window of its own; false: no view {@code instance}. */
    boolean detach(String instance);

    /** Brings a view's tab to the front of its stack; false: no view {@code instance}. */
    boolean focus(String instance);

    /** Closes a view instance; false: no view {@code instance}. */
    boolean close(String instance);

    /** Maximises a stack, or restores it when it is the maximised one. */
    Maximized toggleMaximize(String stack);

    /** What {@link #toggleMaximize} did. */
    enum Maximized { NO_STACK, MAXIMIZED, RESTORED }

    /** The status bar as the user reads it. */
    StatusBar status();

    /**
     * The status bar's texts.
     *
     * @param notice the notice that stays until clicked, or null
     * @param asOf the as-of date shown, or null
     * @param message the latest message (may be empty)
     * @param alert the newest alert shown by the banner, or null
     */
    record StatusBar(String notice, String asOf, String message, String alert) {
    }

    /** The views offered by the installed plugins and the view instances open now. */
    Views views();

    /**
     * The views of {@link #views()}.
     *
     * @param offered every registered view, by category then title
     * @param open every open instance, in the order the window created them
     * @param stacks how many tab stacks the window shows
     */
    record Views(List<Offered> offered, List<Open> open, int stacks) {

        /** Copies the lists. */
        public Views {
            offered = List.copyOf(offered);
            open = List.copyOf(open);
        }
    }

    /** A view a plugin offers. */
    record Offered(String viewId, String category, String plugin) {
    }

    /**
     * An open view instance.
     *
     * @param state LIVE, MISSING (its plugin is gone), ERROR, or PENDING (not created yet)
     * @param shown whether its tab is the visible one of a stack
     * @param message why it is missing or failed, or null
     */
    record Open(String instanceId, String viewId, String state, boolean shown, String message) {
    }

    /** Where each visible stack and its showing tabs are on the display (for scripted mouse gestures). */
    List<StackGeometry> geometry();

    /** A visible stack in display coordinates, with the tabs whose headers show. */
    record StackGeometry(String id, int x, int y, int width, int height, int tabHeight, List<TabGeometry> tabs) {

        /** Copies the list. */
        public StackGeometry {
            tabs = List.copyOf(tabs);
        }
    }

    /** A tab header in display coordinates. */
    record TabGeometry(String instanceId, int x, int y, int width, int height) {
    }

    /**
     * Saves a PNG of the whole window ({@code instance} null) or of one open view as it is on
     * screen; false (nothing written): no open view {@code instance}.
     */
    boolean screenshot(Path png, String instance);

    /** The UI watchdog's report: the longest stall since the last reset, and where the UI thread was. */
    String watchdog();

    /** Starts the UI watchdog's measurement afresh. */
    void resetWatchdog();

    /** The language the window shows. */
    Locale language();

    /** Switches the window's language for this session (unknown values give English); returns the one shown. */
    Locale language(String language);
}
