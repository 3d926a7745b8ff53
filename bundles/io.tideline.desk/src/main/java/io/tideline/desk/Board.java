package io.tideline.desk;

import io.tideline.api.desk.LiveReading;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The desk's live indicator board: for each of the equity indexes and the two crypto majors that
 * is bound, the realized volatility of the last 20 bars, the drawdown from the running peak and
 * the multi-timeframe trend, kept up to date by the engine as bars arrive.
 */
final class Board {

    /** The roles on the board, in the order shown. */
    static final List<String> ROLES = List.of("spx", "ndx", "btc", "eth");

    /** One node of the board: the engine's node, its role and the unit of its values. */
    record Node(IndicatorNode node, String role, String unit) {
    }

    private Board() {
    }

    /** The board's nodes for the roles {@code bound} accepts, in order. */
    static List<Node> nodes(Predicate<String> bound) {
        List<Node> out = new ArrayList<>();
        for (String role : ROLES) {
            if (!bound.test(role)) {
                continue;
            }
            out.add(new Node(new IndicatorNode(role + ".vol20", "realized-vol", Map.of("window", 20.0),
                    List.of(role)), role, "annualised fraction"));
            out.add(new Node(new IndicatorNode(role + ".drawdown", "drawdown-pct", Map.of("window", 0.0),
                    List.of(role)), role, "percent"));
            out.add(new Node(new IndicatorNode(role + ".trend", "trend-agreement", Map.of(), List.of(role)), role,
                    "signal -1, 0, +1"));
        }
        return out;
    }

    /** The newest value of {@code n} in {@code result} (null: not computed yet). */
    static LiveReading reading(Node n, IndicatorResult result) {
        IndicatorNode node = n.node();
        if (result == null) {
            return new LiveReading(node.name(), n.role(), node.indicator(), n.unit(), 0, Double.NaN, "not computed yet");
        }
        if (result.failed()) {
            return new LiveReading(node.name(), n.role(), node.indicator(), n.unit(), 0, Double.NaN, result.error());
        }
        SeriesData out = result.output();
        for (int i = out.size() - 1; i >= 0; i--) {
            double v = out.value(i);
            if (!Double.isNaN(v)) {
                return new LiveReading(node.name(), n.role(), node.indicator(), n.unit(), out.time(i), v, null);
            }
        }
        return new LiveReading(node.name(), n.role(), node.indicator(), n.unit(), 0, Double.NaN,
                "too few bars for a value");
    }
}
