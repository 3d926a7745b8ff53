package io.tideline.api.ui.kit;

import io.tideline.api.ui.ViewContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * Builds one instance of a view, e.g. {@code (parent, context) -> new BookView(parent, context,
 * data).control()}; called on the UI thread.
 */
@FunctionalInterface
public interface ViewConstructor {

    /**
     * Creates the view inside {@code parent}.
     *
     * @return its top control; disposing it disposes the view
     */
    Control create(Composite parent, ViewContext context);
}
