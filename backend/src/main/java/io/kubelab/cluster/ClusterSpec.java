package io.kubelab.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a new sandbox's cluster: its nodes (the first is the control plane) and their size.
 * Scenarios choose their own; the default is DESIGN §1's {@code controlplane}, {@code node01}, {@code node02}.
 */
public record ClusterSpec(List<NodeSpec> nodes, Runtime runtime, ProxyMode proxyMode, boolean metricsServer) {

    /** The container runtime every node runs; kubeadm clusters default to containerd. */
    public enum Runtime {
        CONTAINERD("containerd", "unix:///var/run/containerd/containerd.sock"),
        CRIO("cri-o", "unix:///var/run/crio/crio.sock");

        private final String label;
        private final String socket;

        Runtime(String label, String socket) {
            this.label = label;
            this.socket = socket;
        }

        /** How it is named on the command line and in sandbox options: {@code containerd}, {@code cri-o}. */
        public String label() {
            return label;
        }

        /** The CRI socket kubeadm records on the node and gives the kubelet. */
        public String socket() {
            return socket;
        }
    }

    /** kube-proxy's mode; kubeadm leaves it empty, which means iptables. */
    public enum ProxyMode { IPTABLES, IPVS }

    /** A cluster of {@code nodes} with kubeadm's defaults: containerd, kube-proxy in iptables mode. */
    public ClusterSpec(List<NodeSpec> nodes) {
        this(nodes, Runtime.CONTAINERD, ProxyMode.IPTABLES, false);
    }

    public ClusterSpec withRuntime(Runtime value) {
        return new ClusterSpec(nodes, value, proxyMode, metricsServer);
    }

    public ClusterSpec withProxyMode(ProxyMode value) {
        return new ClusterSpec(nodes, runtime, value, metricsServer);
    }

    /**
     * With metrics-server installed as the cluster comes up (course and exam clusters have it; kubeadm alone
     * does not, so {@code kubectl top} and HPAs need it).
     */
    public ClusterSpec withMetricsServer(boolean value) {
        return new ClusterSpec(nodes, runtime, proxyMode, value);
    }

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

    /** Most workers a sandbox may ask for: enough for any exercise, small enough to stay cheap. */
    public static final int MAX_WORKERS = 10;

    /**
     * The cluster a sandbox asks for by name, e.g. {@code {"workers":3,"controlPlanes":3,"runtime":"cri-o",
     * "proxyMode":"ipvs"}}; every option is optional. Throws with a message for the caller on a bad value.
     */
    public static ClusterSpec fromOptions(java.util.Map<String, Object> options) {
        for (String key : options.keySet()) {
            if (!java.util.Set.of("workers", "controlPlanes", "runtime", "proxyMode", "metricsServer").contains(key)) {
                throw new IllegalArgumentException("unknown cluster option \"" + key
                        + "\"; the options are workers, controlPlanes, runtime, proxyMode, metricsServer");
            }
        }
        int workers = intOption(options, "workers", 2);
        if (workers < 0 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("\"workers\" must be between 0 and " + MAX_WORKERS);
        }
        int controlPlanes = intOption(options, "controlPlanes", 1);
        if (controlPlanes != 1 && controlPlanes != 3) {
            throw new IllegalArgumentException("\"controlPlanes\" must be 1 or 3");
        }
        ClusterSpec spec = controlPlanes == 3 ? highAvailability(workers) : withWorkers(workers);
        Object runtime = options.getOrDefault("runtime", "containerd");
        spec = switch (String.valueOf(runtime)) {
            case "containerd" -> spec.withRuntime(Runtime.CONTAINERD);
            case "cri-o" -> spec.withRuntime(Runtime.CRIO);
            default -> throw new IllegalArgumentException("\"runtime\" must be containerd or cri-o");
        };
        Object mode = options.getOrDefault("proxyMode", "iptables");
        spec = switch (String.valueOf(mode)) {
            case "iptables" -> spec.withProxyMode(ProxyMode.IPTABLES);
            case "ipvs" -> spec.withProxyMode(ProxyMode.IPVS);
            default -> throw new IllegalArgumentException("\"proxyMode\" must be iptables or ipvs");
        };
        Object metrics = options.getOrDefault("metricsServer", false);
        if (!(metrics instanceof Boolean)) {
            throw new IllegalArgumentException("\"metricsServer\" must be true or false");
        }
        return spec.withMetricsServer((Boolean) metrics);
    }

    private static int intOption(java.util.Map<String, Object> options, String key, int otherwise) {
        Object value = options.get(key);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Number number) || number.doubleValue() != number.intValue()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
        }
        return number.intValue();
    }

    /** The options that rebuild this spec with {@link #fromOptions}. */
    public java.util.Map<String, Object> options() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("workers", (int) nodes.stream().filter(n -> !n.controlPlane()).count());
        out.put("controlPlanes", controlPlanes().size());
        out.put("runtime", runtime.label());
        out.put("proxyMode", proxyMode == ProxyMode.IPVS ? "ipvs" : "iptables");
        out.put("metricsServer", metricsServer);
        return out;
    }
}
