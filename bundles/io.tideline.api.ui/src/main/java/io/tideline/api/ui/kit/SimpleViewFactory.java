package io.tideline.api.ui.kit;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import java.util.Objects;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A {@link ViewFactory} made of a {@link ViewSpec} and a {@link ViewConstructor}. A DS component
 * extends it and passes both from its constructor, taking its services by constructor injection:
 *
 * <pre>{@code
 * @Component(service = ViewFactory.class)
 * public final class BookViewFactory extends SimpleViewFactory {
 *     @Activate
 *     public BookViewFactory(@Reference BookData data) {
 *         super(new ViewSpec("com.acme.views.book", "Book", "Markets", null),
 *                 (parent, context) -> new BookView(parent, context, data).control());
 *     }
 * }
 * }</pre>
 *
 * {@link #of} gives one without a subclass (e.g. to register with a {@code BundleContext}).
 * Immutable.
 */
public class SimpleViewFactory implements ViewFactory {

    private final ViewSpec spec;
    private final ViewConstructor constructor;

    /** A factory that declares {@code spec} and builds instances with {@code constructor}. */
    protected SimpleViewFactory(ViewSpec spec, ViewConstructor constructor) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.constructor = Objects.requireNonNull(constructor, "constructor");
    }

    /** A factory that declares {@code spec} and builds instances with {@code constructor}. */
    public static SimpleViewFactory of(ViewSpec spec, ViewConstructor constructor) {
        return new SimpleViewFactory(spec, constructor);
    }

    @Override
    public final ViewSpec spec() {
        return spec;
    }

    @Override
    public final Control create(Composite parent, ViewContext context) {
        return constructor.create(parent, context);
    }
}
