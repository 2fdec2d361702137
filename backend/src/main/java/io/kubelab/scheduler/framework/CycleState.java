package io.kubelab.scheduler.framework;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One scheduling cycle's pod, snapshot and the plugins' scratch data ({@code framework.CycleState}): what a
 * PreFilter or PreScore computes once and its Filter or Score reads per node.
 */
public final class CycleState {

    private final ObjectNode pod;
    private final Snapshot snapshot;
    private final Map<String, Object> data = new HashMap<>();

    public CycleState(ObjectNode pod, Snapshot snapshot) {
        this.pod = pod;
        this.snapshot = snapshot;
    }

    public ObjectNode pod() {
        return pod;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public void put(String key, Object value) {
        data.put(key, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) data.get(key);
    }

    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(String key, Supplier<T> compute) {
        return (T) data.computeIfAbsent(key, k -> compute.get());
    }
}
