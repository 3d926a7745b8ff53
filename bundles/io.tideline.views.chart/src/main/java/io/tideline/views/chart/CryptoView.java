package io.tideline.views.chart;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.workspace.Roles;
import io.tideline.views.chart.kit.Layer;
import io.tideline.views.chart.kit.PaneSpec;
import io.tideline.views.chart.kit.PaneGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The "Crypto structure" view: BTC price on top; funding rate, open interest and long/short
 * liquidations per bar below, on one time axis. Open interest is perpetual open interest
 * ({@code btc.oi}) when bound, else CME futures open interest ({@code btc.cme.oi}); the pane is
 * titled with the series' own name and unit, so weekly contracts never pass for USD of perpetuals. Dashed vertical lines mark the bars where
 * liquidations drove the tape: the indicator engine's {@code liquidation-flush} and
 * {@code liquidation-squeeze} over price and long or short liquidations (over {@code k}× their
 * 30-bar average, price moving the same way; {@code k} is the setting {@code k}, default 3). The
 * view computes no indicator itself.
 */
final class CryptoView extends ViewBase<CryptoView.Loaded> {

    static final String ID = "io.tideline.views.crypto";
    /**
     * @param oiRole the role the open-interest pane shows ({@code btc.oi} or {@code btc.cme.oi}), or
     *        null when neither is bound
     * @param oiName that series' name as its descriptor gives it, or null when the store does not say
     */
    record Loaded(Map<String, SeriesData> series, Map<String, SeriesId> ids, Map<String, SeriesUnit> units,
            Map<String, String> stale, long[] flushes, long[] squeezes, List<String> problems, String oiRole,
            String oiName) {
    }

    /** The default multiple of the trailing average. */
    static final double DEFAULT_K = 3;
    /** The trailing window, in bars (a month of daily bars). */
    static final int WINDOW = 30;
    /** The indicator nodes' names, which name them in an error the status line shows. */
    private static final String FLUSH = "liquidation-flush";
    private static final String SQUEEZE = "liquidation-squeeze";

    private final double k;
    private final Label legend;

    CryptoView(Composite parent, ViewContext context, ChartData data) {
        super(parent, context, data);
        double parsed;
        try {
            parsed = Double.parseDouble(setting("k", String.valueOf(DEFAULT_K)));
        } catch (NumberFormatException e) {
            context.status("setting k='" + setting("k", "") + "' is not a number; using " + DEFAULT_K);
            parsed = DEFAULT_K;
        }
        k = parsed > 0 ? parsed : DEFAULT_K;
        addPresets();
        legend = new Label(toolbar, SWT.NONE);
        // A short label; the full rule is its tooltip (the sentence wrapped the toolbar).
        legend.setText(msg.get("crypto.markers.short", fmt(k)));
        legend.setToolTipText(msg.get("crypto.markers", fmt(k), WINDOW));
        reload();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    Loaded load(AsOf at) {
        Map<String, SeriesData> series = new LinkedHashMap<>();
        Map<String, SeriesId> ids = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, SeriesUnit> units = new LinkedHashMap<>();
        Map<String, String> stale = new LinkedHashMap<>();
        // In the panes' order, so the problems read top to bottom; open interest's role is chosen per load.
        readRoles(List.of(Roles.BTC, Roles.BTC_FUNDING), at, series, ids, units, stale, problems);
        String oiRole = openInterestRole();
        String oiName = null;
        if (oiRole == null) {
            problems.add(msg.get("nodata.oi", Roles.BTC_OI, Roles.BTC_CME_OI));
        } else {
            readRoles(List.of(oiRole), at, series, ids, units, stale, problems);
            SeriesId oiId = ids.get(oiRole);
            oiName = oiId == null ? null : data.descriptor(oiId).map(d -> d.name()).orElse(null);
        }
        readRoles(List.of(Roles.BTC_LIQUIDATIONS_LONG, Roles.BTC_LIQUIDATIONS_SHORT), at, series, ids, units, stale, problems);
        // The markers come from the engine, over the same roles and as-of day as the panes; a
        // missing series already has its "no data" line, so no node is asked for it.
        Map<String, Double> params = Map.of("k", k, "window", (double) WINDOW);
        List<IndicatorNode> nodes = new ArrayList<>();
        if (series.containsKey(Roles.BTC) && series.containsKey(Roles.BTC_LIQUIDATIONS_LONG)) {
            nodes.add(new IndicatorNode(FLUSH, "liquidation-flush", params,
                    List.of(Roles.BTC, Roles.BTC_LIQUIDATIONS_LONG)));
        }
        if (series.containsKey(Roles.BTC) && series.containsKey(Roles.BTC_LIQUIDATIONS_SHORT)) {
            nodes.add(new IndicatorNode(SQUEEZE, "liquidation-squeeze", params,
                    List.of(Roles.BTC, Roles.BTC_LIQUIDATIONS_SHORT)));
        }
        Map<String, IndicatorResult> results = Map.of();
        if (!nodes.isEmpty()) {
            try {
                results = data.evaluate(nodes, at.until());
            } catch (IllegalStateException e) {
                problems.add(msg.get("no.engine"));
            }
        }
        long[] flushes = marked(results.get(FLUSH), problems);
        long[] squeezes = marked(results.get(SQUEEZE), problems);
        return new Loaded(series, ids, units, stale, flushes, squeezes, problems, oiRole, oiName);
    }

    /** The times where a marker indicator says 1 (none when it was not run); a failure joins the problems. */
    private long[] marked(IndicatorResult result, List<String> problems) {
        if (result == null) {
            return new long[0];
        }
        if (result.failed()) {
            problems.add(msg.get("error.indicator", result.node(), result.error()));
            return new long[0];
        }
        SeriesData out = result.output();
        long[] times = new long[out.size()];
        int n = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.value(i) == 1) {
                times[n++] = out.time(i);
            }
        }
        return java.util.Arrays.copyOf(times, n);
    }

    /**
     * Perpetual open interest when bound, else CME futures open interest when bound, else null.
     * Perpetual comes first because it is what the checklist reads; CME is what the sample has.
     */
    private String openInterestRole() {
        if (data.resolve(Roles.BTC_OI).isPresent()) {
            return Roles.BTC_OI;
        }
        return data.resolve(Roles.BTC_CME_OI).isPresent() ? Roles.BTC_CME_OI : null;
    }

    @Override
    List<String> build(Loaded model) {
        watched.clear();
        for (SeriesId id : model.ids().values()) {
            watched.add(id.toString());
        }
        // Price gets 40% of the height, the three others share the rest. When the view is too
        // short, liquidations (they explain the markers) stay longest, open interest goes first.
        // Every axis is titled with its series' unit: USD(T), "% per 8h" for funding (stored as a
        // fraction per 8h, shown ×100), USD or contracts for open interest as its source says.
        PaneSpec price = pane(msg.get("crypto.price"), unitOr(model, Roles.BTC, "USD"), 40, 0);
        line(price, Roles.BTC, model, Layer.Style.CANDLES, 0);
        PaneSpec funding = pane(msg.get("crypto.funding"), unitOr(model, Roles.BTC_FUNDING, ""), 20, 2);
        line(funding, Roles.BTC_FUNDING, model, Layer.Style.LINE, 1);
        String oiRole = model.oiRole();
        String oiTitle = model.oiName() != null ? model.oiName()
                : msg.get(Roles.BTC_CME_OI.equals(oiRole) ? "crypto.cme.oi" : "crypto.oi");
        PaneSpec oi = pane(oiTitle, oiRole == null ? "" : unitOr(model, oiRole, ""), 20, 3);
        if (oiRole == null) {
            oi.message(msg.get("nodata.oi", Roles.BTC_OI, Roles.BTC_CME_OI));
        } else {
            line(oi, oiRole, model, Layer.Style.LINE, 2);
        }
        PaneSpec liq = pane(msg.get("crypto.liquidations"), unitOr(model, Roles.BTC_LIQUIDATIONS_LONG, "USD"), 20, 1);
        bars(liq, Roles.BTC_LIQUIDATIONS_LONG, msg.get("crypto.long"), model, Palette.LONG_LIQ);
        bars(liq, Roles.BTC_LIQUIDATIONS_SHORT, msg.get("crypto.short"), model, Palette.SHORT_LIQ);
        List<PaneGroup.Marker> markers = new ArrayList<>();
        for (long t : model.flushes()) {
            markers.add(new PaneGroup.Marker(t, Palette.LONG_LIQ));
        }
        for (long t : model.squeezes()) {
            markers.add(new PaneGroup.Marker(t, Palette.SHORT_LIQ));
        }
        group.markers(markers);
        java.util.Set<Long> flushSet = new java.util.HashSet<>();
        for (long t : model.flushes()) {
            flushSet.add(t);
        }
        java.util.Set<Long> squeezeSet = new java.util.HashSet<>();
        for (long t : model.squeezes()) {
            squeezeSet.add(t);
        }
        String kText = fmt(k);
        group.crosshairExtra(t -> {
            long day = Math.floorDiv(t + 43_200_000L, 86_400_000L) * 86_400_000L;
            return flushSet.contains(day) ? msg.get("crypto.flush", kText, WINDOW)
                    : squeezeSet.contains(day) ? msg.get("crypto.squeeze", kText, WINDOW) : null;
        });
        return model.problems();
    }

    private static String unitOr(Loaded model, String role, String fallback) {
        SeriesUnit u = model.units().get(role);
        return u == null || u.label().isEmpty() ? fallback : u.label();
    }

    private void line(PaneSpec pane, String role, Loaded model, Layer.Style style, int colour) {
        SeriesData d = model.series().get(role);
        if (d == null) {
            pane.message(msg.get("nodata.role", role));
            return;
        }
        pane.add(new Layer(role, role + " (" + model.ids().get(role) + ")", d, style, Palette.line(colour))
                .unit(unitOr(model, role, "")).stale(model.stale().get(role)));
    }

    private void bars(PaneSpec pane, String role, String label, Loaded model, org.eclipse.swt.graphics.Color colour) {
        SeriesData d = model.series().get(role);
        if (d == null) {
            String prior = pane.message();
            pane.message((prior == null ? "" : prior + "\n") + msg.get("nodata.role", role));
            return;
        }
        pane.add(new Layer(role, label + " (" + model.ids().get(role) + ")", d, Layer.Style.BARS, colour)
                .unit(unitOr(model, role, "USD")).stale(model.stale().get(role)));
    }

    /** The marked bars (for tests). */
    List<PaneGroup.Marker> markers() {
        return group.markers();
    }
}
