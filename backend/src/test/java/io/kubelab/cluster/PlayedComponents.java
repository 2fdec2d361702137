package io.kubelab.cluster;

/**
 * For component tests that play the kubelets themselves (writing pod status by hand): the cluster's own
 * kubelets stand still, and the node lifecycle controller with them, so nodes whose leases nobody renews
 * are not marked unreachable under the test's feet.
 */
public final class PlayedComponents {

    private PlayedComponents() {
    }

    public static SimCluster kubeletsPlayedByTest(SimCluster cluster) {
        for (ClusterSpec.NodeSpec node : cluster.spec().nodes()) {
            cluster.stop("kubelet/" + node.name());
        }
        cluster.stop("controller-manager/node-lifecycle");
        cluster.stop("controller-manager/taint-eviction");
        return cluster;
    }
}
