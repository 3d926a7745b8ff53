package io.tideline.engine;

import io.tideline.api.indicator.IndicatorNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of nodes in dependency order. An input naming another node of the graph makes that node
 * a dependency; cycles are rejected when the graph is built, naming the cycle.
 */
final class IndicatorGraph {

    private final List<IndicatorNode> order;
    private final Map<String, IndicatorNode> byName;

    private IndicatorGraph(List<IndicatorNode> order, Map<String, IndicatorNode> byName) {
        this.order = List.copyOf(order);
        this.byName = byName;
    }

    /**
     * Orders the nodes so that every node comes after the nodes it reads.
     *
     * @throws IllegalArgumentException for a duplicate name or a cycle, e.g.
     *         "indicator graph has a cycle: a -> b -> c -> a"
     */
    static IndicatorGraph of(List<IndicatorNode> nodes) {
        Map<String, IndicatorNode> byName = new LinkedHashMap<>();
        for (IndicatorNode n : nodes) {
            if (byName.put(n.name(), n) != null) {
                throw new IllegalArgumentException("indicator graph has two nodes named " + n.name());
            }
        }
        List<IndicatorNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Map<String, Integer> onPath = new HashMap<>();
        List<String> path = new ArrayList<>();
        for (IndicatorNode n : nodes) {
            visit(n, byName, done, onPath, path, order);
        }
        return new IndicatorGraph(order, byName);
    }

    private static void visit(IndicatorNode node, Map<String, IndicatorNode> byName, Set<String> done, Map<String, Integer> onPath,
            List<String> path, List<IndicatorNode> order) {
        if (done.contains(node.name())) {
            return;
        }
        Integer at = onPath.get(node.name());
        if (at != null) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(node.name());
            throw new IllegalArgumentException("indicator graph has a cycle: " + String.join(" -> ", cycle));
        }
        onPath.put(node.name(), path.size());
        path.add(node.name());
        for (String input : node.inputs()) {
            IndicatorNode dep = byName.get(input);
            if (dep != null) {
                visit(dep, byName, done, onPath, path, order);
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(node.name());
        done.add(node.name());
        order.add(node);
    }

    /** The nodes, dependencies first. */
    List<IndicatorNode> order() {
        return order;
    }

    /** Whether {@code input} names a node of this graph. */
    boolean isNode(String input) {
        return byName.containsKey(input);
    }
}
