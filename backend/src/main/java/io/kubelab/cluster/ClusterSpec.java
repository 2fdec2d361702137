package io.kubelab.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a new sandbox's cluster: its nodes (the first is the control plane) and their size.
 * Scenarios choose their own; the default is DESIGN §1's {@code controlplane}, {@code node01}, {@code node02}.
 */
public record ClusterSpec(List<NodeSpec> nodes) {

    public record NodeSpec(String name, boolean controlPlane, String internalIp, String podCidr, int cpus,
                           long memoryKi) {
    }

    public static final String KUBERNETES_VERSION = "v1.32.2";
    private static final long FOUR_GIB_KI = 4 * 1024 * 1024;

    public static ClusterSpec standard() {
        return withWorkers(2);
    }

    public static ClusterSpec withWorkers(int workers) {
        List<NodeSpec> nodes = new ArrayList<>();
        nodes.add(new NodeSpec("controlplane", true, "172.30.1.2", "10.244.0.0/24", 2, FOUR_GIB_KI));
        for (int i = 1; i <= workers; i++) {
            nodes.add(new NodeSpec(String.format("node%02d", i), false, "172.30.2." + (i + 1),
                    "10.244." + i + ".0/24", 2, FOUR_GIB_KI));
        }
        return new ClusterSpec(List.copyOf(nodes));
    }

    /**
     * A highly available control plane as kubeadm builds it with stacked etcd: {@code controlplane},
     * {@code controlplane2} and {@code controlplane3} (each tainted and labelled as a control-plane node, each
     * with its own etcd member, kube-apiserver, kube-controller-manager and kube-scheduler), then the workers.
     * The extra control-plane nodes joined after the workers, so the node IPAM gave them the next pod CIDRs.
     */
    public static ClusterSpec highAvailability(int workers) {
        List<NodeSpec> nodes = new ArrayList<>(withWorkers(workers).nodes());
        for (int i = 2; i <= 3; i++) {
            nodes.add(i - 1, new NodeSpec("controlplane" + i, true, "172.30.1." + (i + 1),
                    "10.244." + (workers + i - 1) + ".0/24", 2, FOUR_GIB_KI));
        }
        return new ClusterSpec(List.copyOf(nodes));
    }

    /** {@link #highAvailability} with two workers. */
    public static ClusterSpec ha() {
        return highAvailability(2);
    }

    /** The first control-plane node: where {@code kubeadm init} ran. */
    public NodeSpec controlPlane() {
        return nodes.get(0);
    }

    /** Every control-plane node, each running an etcd member, in the order they joined. */
    public List<NodeSpec> controlPlanes() {
        return nodes.stream().filter(NodeSpec::controlPlane).toList();
    }

    /** Whether etcd runs as several members that elect a leader (more than one control-plane node). */
    public boolean highlyAvailable() {
        return controlPlanes().size() > 1;
    }
}
