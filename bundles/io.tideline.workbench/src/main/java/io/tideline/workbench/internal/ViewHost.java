package io.tideline.workbench.internal;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * One open view instance: a holder composite that outlives rearrangements (it is re-parented
 * into whichever tab folder shows it, so the view keeps its state when dragged), and what is in
 * it: the view's own control, or a placeholder saying why the view is not there (its plugin
 * left, it was never installed, or it threw). UI thread only.
 */
final class ViewHost {

    /** What the holder shows; {@code null} until the view was first created. */
    enum State { LIVE, MISSING, ERROR }

    /** What the host needs from the workbench. */
    interface Site {
        Messages messages();

        Map<String, String> settings(String instanceId);

        void updateSettings(String instanceId, Map<String, String> settings);

        void status(String message);

        /** Clears the status bar if it still shows {@code message} (a view withdrawing its own). */
        default void withdrawStatus(String message) {
        }

        /** The plugin that last provided a view id, or null if none ever did. */
        String providerOf(String viewId);
    }

    private final String instanceId;
    private final String viewId;
    private final Composite holder;
    private final Site site;
    private State state;
    private String message;
    private ViewFactory factory;

    ViewHost(Composite pool, String instanceId, String viewId, Site site) {
        this.instanceId = instanceId;
        this.viewId = viewId;
        this.site = site;
        this.holder = new Composite(pool, SWT.NONE);
        holder.setLayout(new FillLayout());
        holder.setData("tideline.instance", instanceId);
    }

    String instanceId() {
        return instanceId;
    }

    String viewId() {
        return viewId;
    }

    Composite holder() {
        return holder;
    }

    State state() {
        return state;
    }

    String message() {
        return message;
    }

    ViewFactory factory() {
        return factory;
    }

    /** Creates the view with {@code f}, or the "missing" placeholder when {@code f} is null. */
    void show(ViewFactory f, String title) {
        clear();
        factory = f;
        if (f == null) {
            String provider = site.providerOf(viewId);
            showPlaceholder(State.MISSING, provider == null ? site.messages().get("placeholder.neverSeen", viewId)
                    : site.messages().get("placeholder.missing", title, provider), false, title);
            return;
        }
        try {
            Control c = f.create(holder, context());
            if (c == null) {
                throw new IllegalStateException("create() returned no control");
            }
            state = State.LIVE;
            message = null;
            holder.layout(true, true);
        } catch (RuntimeException | LinkageError e) {
            fail(e, title);
        }
    }

    /** Replaces the view by an error placeholder after it threw (while created or painted). */
    void fail(Throwable e, String title) {
        clear();
        String why = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
        showPlaceholder(State.ERROR, site.messages().get("placeholder.error", title, why), true, title);
    }

    private void clear() {
        for (Control c : holder.getChildren()) {
            c.dispose();
        }
    }

    private void showPlaceholder(State s, String text, boolean retry, String title) {
        state = s;
        message = text;
        Composite box = new Composite(holder, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        Label label = new Label(box, SWT.WRAP);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        if (retry) {
            Button again = new Button(box, SWT.PUSH);
            again.setText(site.messages().get("placeholder.retry"));
            ViewFactory f = factory;
            again.addListener(SWT.Selection, e -> show(f, title));
        }
        holder.layout(true, true);
    }

    void dispose() {
        holder.dispose();
    }

    private ViewContext context() {
        return new ViewContext() {
            @Override
            public String instanceId() {
                return instanceId;
            }

            @Override
            public Map<String, String> settings() {
                return site.settings(instanceId);
            }

            @Override
            public void updateSettings(Map<String, String> settings) {
                site.updateSettings(instanceId, Map.copyOf(settings));
            }

            /** The message this view last put in the status bar, to withdraw it with an empty one. */
            private volatile String shown;

            @Override
            public void status(String text) {
                if (text == null || text.isEmpty()) {
                    String last = shown;
                    shown = null;
                    if (last != null) {
                        site.withdrawStatus(last);
                    }
                    return;
                }
                shown = text;
                site.status(text);
            }

            @Override
            public Locale locale() {
                return site.messages().locale();
            }
        };
    }
}
