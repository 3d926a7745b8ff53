package io.tideline.api.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Contributes a view, registered as an OSGi service. The workbench calls {@link #create} on the
 * UI thread for every instance the user opens; the view reads data through services and
 * listens to events, never calling a connector or SQL itself, and never blocking the UI thread.
 */
@ConsumerType
public interface ViewFactory {

    /** The view's declaration. */
    ViewSpec spec();

    /**
     * Creates one instance of the view inside {@code parent}.
     *
     * @return the view's top control; disposing it disposes the view
     */
    Control create(Composite parent, ViewContext context);
}
