package io.tideline.views.chart;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The three view factories; each is a DS component over the bundle's {@link ChartData}. */
public final class ChartViews {

    private ChartViews() {
    }

    /** "Chart" (Markets): series, indicators, candles, regime bands. */
    @Component(service = ViewFactory.class, property = "view.id=" + ChartView.ID)
    public static final class ChartFactory implements ViewFactory {
        @Reference
        private ChartData data;

        @Override
        public ViewSpec spec() {
            return new ViewSpec(ChartView.ID, "Chart", "Markets", null);
        }

        @Override
        public Control create(Composite parent, ViewContext context) {
            return new ChartView(parent, context, data).control();
        }
    }

    /** "Crypto structure" (Crypto): price, funding, open interest, liquidations. */
    @Component(service = ViewFactory.class, property = "view.id=" + CryptoView.ID)
    public static final class CryptoFactory implements ViewFactory {
        @Reference
        private ChartData data;

        @Override
        public ViewSpec spec() {
            return new ViewSpec(CryptoView.ID, "Crypto structure", "Crypto", null);
        }

        @Override
        public Control create(Composite parent, ViewContext context) {
            return new CryptoView(parent, context, data).control();
        }
    }

    /** "Macro desk" (Macro): yields, dollar, VIX, credit, leadership. */
    @Component(service = ViewFactory.class, property = "view.id=" + MacroView.ID)
    public static final class MacroFactory implements ViewFactory {
        @Reference
        private ChartData data;

        @Override
        public ViewSpec spec() {
            return new ViewSpec(MacroView.ID, "Macro desk", "Macro", null);
        }

        @Override
        public Control create(Composite parent, ViewContext context) {
            return new MacroView(parent, context, data).control();
        }
    }
}
