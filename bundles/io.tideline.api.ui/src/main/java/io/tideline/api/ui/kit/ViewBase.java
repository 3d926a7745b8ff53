package io.tideline.api.ui.kit;

import io.tideline.api.ui.ViewContext;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * What every view instance holds besides its own widgets: its top composite, the workbench's
 * handle on it, its strings in the user's language and a {@link Background} for slow work that
 * ends with the view. A view bundle extends it with what its views share (a status line, a
 * data subscription, a toolbar) and builds its controls in {@link #root}:
 *
 * <pre>{@code
 * final class BookView extends ViewBase<Messages> {
 *     BookView(Composite parent, ViewContext context, BookData data) {
 *         super(parent, context, Messages.of(BookView.class, context.locale(), Messages.Missing.KEY), "book");
 *         root.setLayout(new GridLayout(1, false));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * and its factory builds it with {@code (parent, context) -> new BookView(parent, context,
 * data).control()}. Created and used on the UI thread, except {@link #onUi}.
 *
 * @param <T> the bundle's {@link Messages} (a subclass with its own wording helpers, or the kit's)
 * @since 1.1
 */
public abstract class ViewBase<T extends Messages> {

    /** The view's top control (no layout set: the view chooses one). */
    protected final Composite root;
    /** The workbench's handle on this instance. */
    protected final ViewContext context;
    /** Strings in the user's language. */
    protected final T msg;
    /** Runs slow work off the UI thread; its results reach only a live view. */
    protected final Background background;
    private final Display display;

    /**
     * Creates the top composite in {@code parent}, with a background of two threads of its own
     * named after {@code name} ({@link Background#Background(org.eclipse.swt.widgets.Control,
     * String)}) that end when the view is disposed.
     */
    protected ViewBase(Composite parent, ViewContext context, T msg, String name) {
        this.context = Objects.requireNonNull(context, "context");
        this.msg = Objects.requireNonNull(msg, "msg");
        this.root = new Composite(parent, SWT.NONE);
        this.display = root.getDisplay();
        this.background = new Background(root, Objects.requireNonNull(name, "name"));
    }

    /**
     * Creates the top composite in {@code parent}, with a background on {@code executor}, which
     * the caller owns and shuts down (e.g. one executor a bundle's data service shares among
     * its views).
     */
    protected ViewBase(Composite parent, ViewContext context, T msg, Executor executor) {
        this.context = Objects.requireNonNull(context, "context");
        this.msg = Objects.requireNonNull(msg, "msg");
        this.root = new Composite(parent, SWT.NONE);
        this.display = root.getDisplay();
        this.background = new Background(root, Objects.requireNonNull(executor, "executor"));
    }

    /** The view's top control; disposing it disposes the view. */
    public Composite control() {
        return root;
    }

    /**
     * Runs {@code r} on the UI thread later, unless the view is gone by then; from any thread
     * (e.g. a data service's listener).
     */
    protected void onUi(Runnable r) {
        // Only the display read on the UI thread when the view was built is touched here.
        Background.later(display, root, r);
    }

    /** Saves one setting with the layout, keeping the others ({@link ViewSettings#put}). */
    protected void saveSetting(String key, String value) {
        ViewSettings.put(context, key, value);
    }

    /** One setting, or {@code fallback} when absent or blank ({@link ViewSettings#get}). */
    protected String setting(String key, String fallback) {
        return ViewSettings.get(context, key, fallback);
    }
}
