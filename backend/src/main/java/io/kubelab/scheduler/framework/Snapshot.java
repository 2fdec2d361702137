package io.kubelab.scheduler.framework;

import java.util.List;
import java.util.Optional;

/**
 * The cluster as one scheduling cycle sees it ({@code internalcache.Snapshot}): every node with its pods, in
 * node-name order, and the listers. A cycle never sees a change made during it.
 */
public record Snapshot(List<NodeInfo> nodes, Listers listers) {

    public Optional<NodeInfo> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The same cluster with {@code replacement} in place of the node of the same name. */
    public Snapshot with(NodeInfo replacement) {
        return new Snapshot(nodes.stream().map(n -> n.name().equals(replacement.name()) ? replacement : n).toList(),
                listers);
    }
}
