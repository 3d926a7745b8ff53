package io.tideline.api.indicator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of an indicator graph: an indicator applied to inputs with parameters.
 *
 * @param name the node's name, unique in its graph (e.g. {@code btc.vol30})
 * @param indicator the indicator id (e.g. {@code realized-vol})
 * @param params parameter values by name; absent ones take the indicator's defaults
 * @param inputs one per input slot of the indicator: another node's name, a role (e.g.
 *        {@code btc}) or a series id (e.g. {@code fred:DGS10}), tried in that order
 */
public record IndicatorNode(String name, String indicator, Map<String, Double> params, List<String> inputs) {

    /** Copies the collections; rejects null names. */
    public IndicatorNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(indicator, "indicator");
        params = Map.copyOf(params);
        inputs = List.copyOf(inputs);
    }
}
