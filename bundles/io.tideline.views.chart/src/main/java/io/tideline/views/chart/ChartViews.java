package io.tideline.views.chart;

import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.ui.kit.SimpleViewFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The three view factories; each is a DS component over the bundle's {@link ChartData}. */
public final class ChartViews {

    private ChartViews() {
    }

    /** "Chart" (Markets): series, indicators, candles, regime bands. */
    @Component(service = ViewFactory.class, property = "view.id=" + ChartView.ID)
    public static final class ChartFactory extends SimpleViewFactory {
        /** The factory over the bundle's data service (constructor injection). */
        @Activate
        public ChartFactory(@Reference ChartData data) {
            super(new ViewSpec(ChartView.ID, "Chart", "Markets", null),
                    (parent, context) -> new ChartView(parent, context, data).control());
        }
    }

    /** "Crypto structure" (Crypto): price, funding, open interest, liquidations. */
    @Component(service = ViewFactory.class, property = "view.id=" + CryptoView.ID)
    public static final class CryptoFactory extends SimpleViewFactory {
        /** The factory over the bundle's data service (constructor injection). */
        @Activate
        public CryptoFactory(@Reference ChartData data) {
            super(new ViewSpec(CryptoView.ID, "Crypto structure", "Crypto", null),
                    (parent, context) -> new CryptoView(parent, context, data).control());
        }
    }

    /** "Macro desk" (Macro): yields, dollar, VIX, credit, leadership. */
    @Component(service = ViewFactory.class, property = "view.id=" + MacroView.ID)
    public static final class MacroFactory extends SimpleViewFactory {
        /** The factory over the bundle's data service (constructor injection). */
        @Activate
        public MacroFactory(@Reference ChartData data) {
            super(new ViewSpec(MacroView.ID, "Macro desk", "Macro", null),
                    (parent, context) -> new MacroView(parent, context, data).control());
        }
    }
}
