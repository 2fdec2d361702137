package io.kubelab.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pod's sandbox (its pause container and network namespace) with the pod's container instances: the
 * current one per container name and the one before it (what {@code lastState} reports).
 */
public final class Sandbox {

    private String podUid;
    private final String namespace;
    private final String podName;
    private final String ip;
    private final boolean hostNetwork;
    private final String id;
    private boolean ready = true;
    final Map<String, RuntimeContainer> current = new LinkedHashMap<>();
    final Map<String, RuntimeContainer> previous = new LinkedHashMap<>();

    Sandbox(String id, String podUid, String namespace, String podName, String ip, boolean hostNetwork) {
        this.id = id;
        this.podUid = podUid;
        this.namespace = namespace;
        this.podName = podName;
        this.ip = ip;
        this.hostNetwork = hostNetwork;
    }

    Sandbox withUid(String uid) {
        podUid = uid;
        return this;
    }

    public String id() {
        return id;
    }

    public String podUid() {
        return podUid;
    }

    public String namespace() {
        return namespace;
    }

    public String podName() {
        return podName;
    }

    /** The pod's IP: allocated by CNI, or the node's for a hostNetwork pod. */
    public String ip() {
        return ip;
    }

    public boolean hostNetwork() {
        return hostNetwork;
    }

    /** False once stopped: its containers are gone and its IP is released. */
    public boolean ready() {
        return ready;
    }

    void stopped() {
        ready = false;
    }

    public Optional<RuntimeContainer> container(String name) {
        return Optional.ofNullable(current.get(name));
    }

    public Optional<RuntimeContainer> previous(String name) {
        return Optional.ofNullable(previous.get(name));
    }

    public Iterable<RuntimeContainer> containers() {
        return current.values();
    }

    String reference() {
        return "Pod/" + namespace + "/" + podName;
    }
}
