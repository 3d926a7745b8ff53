package io.tideline.views.desk;

import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.desk.Desk;
import io.tideline.api.desk.DeskListener;
import io.tideline.api.ui.ViewContext;
import java.util.Objects;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * What every desk view shares besides the view kit's base (top composite, context, strings,
 * background, settings): the data subscription (ended when the view is disposed) and a status
 * label that says "computing…" while work runs and shows the last error in words.
 */
public abstract class ViewBase extends io.tideline.api.ui.kit.ViewBase<Messages> {

    /** Where the data comes from. */
    protected final Desk data;
    private Label status;
    private boolean collapsing;
    private String error;

    /** Creates the top composite in {@code parent}; subclasses build their controls in it. */
    protected ViewBase(Composite parent, ViewContext context, Desk data, String name) {
        super(parent, context, Messages.of(context.locale()), name);
        this.data = Objects.requireNonNull(data, "data");
        Desk.Subscription subscription = data.subscribe(new DeskListener() {
            @Override
            public void dataChanged() {
                onUi(ViewBase.this::refresh);
            }

            @Override
            public void alert(TrackedAlert alert) {
                onUi(() -> alertFired(alert));
            }

            @Override
            public void alertsChanged() {
                onUi(ViewBase.this::alertsChanged);
            }

            @Override
            public void feedsChanged() {
                onUi(ViewBase.this::feedsChanged);
            }
        });
        root.addDisposeListener(e -> subscription.close());
    }

    /** Reloads everything shown; called on the UI thread when new data arrived. */
    protected abstract void refresh();

    /** The alerts bundle fired an alert; on the UI thread. Ignored unless overridden. */
    protected void alertFired(TrackedAlert alert) {
    }

    /** The alerts bundle came or went; on the UI thread. Ignored unless overridden. */
    protected void alertsChanged() {
    }

    /** A feed came or went; on the UI thread. Ignored unless overridden. */
    protected void feedsChanged() {
    }

    /**
     * Creates the status label in {@code parent} (which must use a GridLayout): "computing…"
     * while background work runs, else the last error or nothing.
     */
    protected Label statusLabel(Composite parent) {
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        background.onBusy(busy -> showStatus());
        return status;
    }

    /**
     * Creates a wrapping status label in {@code parent} (a GridLayout of one column) that takes
     * no room while it has nothing to say, for views where every line of height counts.
     */
    protected Label collapsingStatusLabel(Composite parent) {
        status = new Label(parent, SWT.WRAP);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.exclude = true;
        status.setLayoutData(gd);
        status.setVisible(false);
        collapsing = true;
        background.onBusy(busy -> showStatus());
        return status;
    }

    /** Shows {@code e} in the status label and the workbench's status bar; null clears it. */
    protected void showError(Exception e) {
        error = e == null ? null : msg.format("error", e.getMessage() == null ? e.toString() : e.getMessage());
        showStatus();
        if (error != null) {
            context.status(error);
        }
    }

    private void showStatus() {
        if (status == null || status.isDisposed()) {
            return;
        }
        String text = background.busy() ? msg.get("computing") : error == null ? "" : error;
        status.setText(text);
        status.setForeground(background.busy() || error == null ? null : Swt.color(ColorScale.RED));
        if (collapsing) {
            boolean show = !text.isEmpty();
            ((GridData) status.getLayoutData()).exclude = !show;
            status.setVisible(show);
        }
        status.getParent().layout(true);
    }
}
