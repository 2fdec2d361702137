package io.kubelab.runtime;

/**
 * Which CRI implementation a node runs: it shows in every {@code containerID} and in the node's
 * {@code nodeInfo.containerRuntimeVersion}. kubeadm clusters default to containerd.
 */
public enum RuntimeFlavor {
    CONTAINERD("containerd", "containerd://1.7.24"),
    CRIO("cri-o", "cri-o://1.32.1");

    private final String scheme;
    private final String version;

    RuntimeFlavor(String scheme, String version) {
        this.scheme = scheme;
        this.version = version;
    }

    /** {@code containerd://<64 hex>}, as the kubelet prefixes the runtime's id with the runtime's name. */
    public String containerId(String hexId) {
        return scheme + "://" + hexId;
    }

    public String scheme() {
        return scheme;
    }

    /** What {@code kubectl get nodes -o wide} shows in CONTAINER-RUNTIME. */
    public String version() {
        return version;
    }
}
