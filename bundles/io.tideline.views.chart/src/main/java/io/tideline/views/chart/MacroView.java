package io.tideline.views.chart;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.workspace.Roles;
import io.tideline.views.chart.kit.Layer;
import io.tideline.views.chart.kit.PaneSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.widgets.Composite;

/**
 * The "Macro desk" view, four panes on one time axis: the 10-year yield (left axis) and the
 * dollar index (right axis); the z-scores of their 20-bar changes against the last
 * {@value #Z_WINDOW} such changes (a year of trading days: a +2 reads "a move seen about once a
 * quarter"), from the indicator engine's {@code zscore-change}; the VIX (left) and the high-yield
 * spread (right); and the leadership ratio of the AI/software basket ({@code leaders} when bound,
 * else {@code software}) against the index ({@code ndx}, else {@code spx}) from the engine's
 * {@code leadership-ratio}. Levels of different units get their own axes here, unlike the Chart
 * view, because the desk reads levels (a 4.5% yield, a VIX of 30), not relative moves.
 */
final class MacroView extends ViewBase<MacroView.Loaded> {

    static final String ID = "io.tideline.views.macro";
    static final int Z_PERIODS = 20;
    static final int Z_WINDOW = 252;
    private static final List<String> LEVELS = List.of(Roles.US10Y, Roles.DOLLAR, Roles.VIX, Roles.HY_SPREAD);

    record Loaded(Map<String, SeriesData> series, Map<String, SeriesId> ids, Map<String, SeriesUnit> units,
            Map<String, String> stale, Map<String, IndicatorResult> results, String basket, String index,
            List<String> problems) {
    }

    MacroView(Composite parent, ViewContext context, ChartData data) {
        super(parent, context, data);
        addPresets();
        reload();
    }

    @Override
    String defaultRange() {
        return "5Y";
    }

    @Override
    Loaded load(AsOf at) {
        Map<String, SeriesData> series = new LinkedHashMap<>();
        Map<String, SeriesId> ids = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, SeriesUnit> units = new LinkedHashMap<>();
        Map<String, String> stale = new LinkedHashMap<>();
        readRoles(LEVELS, at, series, ids, units, stale, problems);
        String basket = data.resolve(Roles.LEADERS).isPresent() ? Roles.LEADERS : Roles.SOFTWARE;
        String index = data.resolve(Roles.NDX).isPresent() ? Roles.NDX : Roles.SPX;
        for (String role : List.of(basket, index)) {
            data.resolve(role).ifPresentOrElse(id -> ids.put(role, id), () -> problems.add(msg.get("nodata.role", role)));
        }
        List<IndicatorNode> nodes = new ArrayList<>();
        Map<String, Double> z = Map.of("periods", (double) Z_PERIODS, "window", (double) Z_WINDOW);
        for (String role : List.of(Roles.US10Y, Roles.DOLLAR)) {
            if (series.containsKey(role)) {
                nodes.add(new IndicatorNode(role + ".z20", "zscore-change", z, List.of(role)));
            }
        }
        if (ids.containsKey(basket) && ids.containsKey(index)) {
            nodes.add(new IndicatorNode("leadership", "leadership-ratio", Map.of(), List.of(basket, index)));
        }
        Map<String, IndicatorResult> results = Map.of();
        if (!nodes.isEmpty()) {
            try {
                results = data.evaluate(nodes, at.until());
                for (IndicatorResult r : results.values()) {
                    if (r.failed()) {
                        problems.add(msg.get("error.indicator", r.node(), r.error()));
                    }
                }
            } catch (IllegalStateException e) {
                problems.add(msg.get("no.engine"));
            }
        }
        return new Loaded(series, ids, units, stale, results, basket, index, problems);
    }

    @Override
    List<String> build(Loaded model) {
        watched.clear();
        for (SeriesId id : model.ids().values()) {
            watched.add(id.toString());
        }
        PaneSpec rates = pane(msg.get("macro.rates"), msg.get("macro.yield"), 30, 0);
        level(rates, Roles.US10Y, model, 0, 0, "%");
        level(rates, Roles.DOLLAR, model, rates.secondaryAxis(msg.get("macro.dollar")), 1, "");
        PaneSpec zs = pane(msg.get("macro.z", Z_WINDOW), msg.get("macro.sd"), 20, 3);
        result(zs, Roles.US10Y + ".z20", model, 0);
        result(zs, Roles.DOLLAR + ".z20", model, 1);
        PaneSpec stress = pane(msg.get("macro.stress"), msg.get("macro.vix"), 25, 1);
        level(stress, Roles.VIX, model, 0, 3, "");
        level(stress, Roles.HY_SPREAD, model, stress.secondaryAxis(msg.get("macro.hy")), 4, "%");
        PaneSpec lead = pane(msg.get("macro.leaders", model.basket(), model.index()), msg.get("macro.ratio"), 25, 2);
        result(lead, "leadership", model, 5);
        return model.problems();
    }

    private void level(PaneSpec pane, String role, Loaded model, int axis, int colour, String unit) {
        SeriesData d = model.series().get(role);
        if (d == null) {
            String prior = pane.message();
            pane.message((prior == null ? "" : prior + "\n") + msg.get("nodata.role", role));
            return;
        }
        SeriesUnit declared = model.units().get(role);
        pane.add(new Layer(role, role + " (" + model.ids().get(role) + ")", d, Layer.Style.LINE, Palette.line(colour))
                .yAxis(axis).unit(declared == null || declared.label().isEmpty() || declared.label().equals("index") ? unit
                        : declared.label())
                .stale(model.stale().get(role)));
    }

    private void result(PaneSpec pane, String node, Loaded model, int colour) {
        IndicatorResult r = model.results().get(node);
        if (r == null || r.failed() || r.output().isEmpty()) {
            String prior = pane.message();
            String why = r == null ? msg.get("no.engine") : msg.get("error.indicator", node, r.failed() ? r.error() : "–");
            if (r == null && !model.results().isEmpty()) {
                why = msg.get("nodata.series", node);
            }
            pane.message((prior == null ? "" : prior + "\n") + why);
            return;
        }
        pane.add(new Layer(node, node, r.output(), Layer.Style.LINE, Palette.line(colour)));
    }
}
