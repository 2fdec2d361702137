package io.kubelab.cluster;

import io.kubelab.proxy.KubeProxy;
import io.kubelab.runtime.ContainerRuntime;

import java.time.Instant;
import java.util.Optional;

/**
 * One node of the cluster as a machine a student can log in to: its name and address, its own files,
 * and the services on it (the kubelet under systemd, containerd, kube-proxy's rules).
 */
public final class NodeHost {

    private final SimCluster cluster;
    private final ClusterSpec.NodeSpec spec;
    private final NodeFiles files;
    private final Instant bootedAt;
    private Instant kubeletSince;

    NodeHost(SimCluster cluster, ClusterSpec.NodeSpec spec, NodeFiles files, Instant bootedAt) {
        this.cluster = cluster;
        this.spec = spec;
        this.files = files;
        this.bootedAt = bootedAt;
        this.kubeletSince = bootedAt;
    }

    /** When the machine started (its Node's creation): containerd and the kubelet have run since. */
    public Instant bootedAt() {
        return bootedAt;
    }

    public String name() {
        return spec.name();
    }

    public String internalIp() {
        return spec.internalIp();
    }

    public String podCidr() {
        return spec.podCidr();
    }

    public boolean controlPlane() {
        return spec.controlPlane();
    }

    public NodeFiles files() {
        return files;
    }

    /** Whether the machine answers at all: a failed node ({@code node/NAME} stopped) does not. */
    public boolean reachable() {
        return !cluster.isStopped("node/" + name());
    }

    public boolean kubeletRunning() {
        return !cluster.isStopped("kubelet/" + name());
    }

    /** When the kubelet service last started or stopped (systemd's "since"). */
    public Instant kubeletSince() {
        return kubeletSince;
    }

    /** {@code systemctl start|stop kubelet}; a started kubelet reads its manifest directory again. */
    public void setKubeletRunning(boolean running) {
        kubeletSince = cluster.clock().now();
        if (running) {
            cluster.start("kubelet/" + name());
            cluster.syncStaticPods();
        } else {
            cluster.stop("kubelet/" + name());
        }
    }

    public Optional<ContainerRuntime> runtime() {
        return cluster.runtime(name());
    }

    public Optional<KubeProxy> proxy() {
        return cluster.proxy(name());
    }

    public SimCluster cluster() {
        return cluster;
    }
}
