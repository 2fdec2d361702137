package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.RuntimeFlavor;
import io.kubelab.runtime.Sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code generateAPIPodStatus} in small: the pod's phase ({@code getPhase}), its kubelet-owned conditions
 * with their transition times, and the container statuses from the runtime's instances and the kubelet's
 * reasons. Fields in Go's order; conditions PodReadyToStartContainers, Initialized, Ready, ContainersReady,
 * PodScheduled, then any the kubelet does not own.
 */
public final class PodStatuses {

    static final List<String> KUBELET_CONDITIONS = List.of("PodReadyToStartContainers", "Initialized", "Ready",
            "ContainersReady", "PodScheduled");

    /** Whether a container instance is ready and started, as the prober says. */
    interface Probes {
        boolean started(JsonNode spec, RuntimeContainer c);

        boolean ready(JsonNode spec, RuntimeContainer c);
    }

    private PodStatuses() {
    }

    static ObjectNode build(ObjectNode pod, Optional<Sandbox> sandbox, PodState state, Probes probes, RuntimeFlavor flavor,
                            String hostIp, Instant now, boolean terminal) {
        JsonNode old = pod.path("status");
        JsonNode spec = pod.path("spec");
        boolean hasInit = !spec.path("initContainers").isEmpty();
        String defaultReason = hasInit ? KubeletEvents.POD_INITIALIZING : KubeletEvents.CONTAINER_CREATING;
        ArrayNode initStatuses = JsonNodeFactory.instance.arrayNode();
        for (JsonNode c : spec.path("initContainers")) {
            initStatuses.add(container(c, sandbox, state, probes, flavor, defaultReason, !Sidecars.isSidecar(c)));
        }
        ArrayNode statuses = JsonNodeFactory.instance.arrayNode();
        for (JsonNode c : spec.path("containers")) {
            statuses.add(container(c, sandbox, state, probes, flavor, defaultReason, false));
        }
        String phase = phase(spec, initStatuses, statuses, terminal);

        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("phase", phase);
        ArrayNode conditions = status.putArray("conditions");
        boolean sandboxReady = sandbox.isPresent() && sandbox.get().ready();
        add(conditions, old, "PodReadyToStartContainers", sandboxReady, "", "", now);
        List<String> incomplete = new ArrayList<>();
        for (int i = 0; i < initStatuses.size(); i++) {
            JsonNode cs = initStatuses.get(i);
            boolean done = Sidecars.isSidecar(spec.path("initContainers").get(i))
                    ? cs.path("started").asBoolean() || cs.path("lastState").has("terminated") || cs.path("state").has("terminated")
                    : cs.path("state").path("terminated").path("exitCode").asInt(-1) == 0;
            if (!done) {
                incomplete.add(cs.path("name").asText());
            }
        }
        if (phase.equals("Succeeded")) {
            add(conditions, old, "Initialized", true, "PodCompleted", "", now);
        } else if (incomplete.isEmpty()) {
            add(conditions, old, "Initialized", true, "", "", now);
        } else {
            add(conditions, old, "Initialized", false, "ContainersNotInitialized",
                    "containers with incomplete status: [" + String.join(" ", incomplete) + "]", now);
        }
        List<String> unready = new ArrayList<>();
        for (int i = 0; i < initStatuses.size(); i++) {
            if (Sidecars.isSidecar(spec.path("initContainers").get(i)) && !initStatuses.get(i).path("ready").asBoolean()) {
                unready.add(initStatuses.get(i).path("name").asText());
            }
        }
        for (JsonNode cs : statuses) {
            if (!cs.path("ready").asBoolean()) {
                unready.add(cs.path("name").asText());
            }
        }
        for (String type : List.of("Ready", "ContainersReady")) {
            if (phase.equals("Succeeded") || phase.equals("Failed")) {
                add(conditions, old, type, false, phase.equals("Succeeded") ? "PodCompleted" : "PodFailed", "", now);
            } else if (!unready.isEmpty()) {
                add(conditions, old, type, false, "ContainersNotReady",
                        "containers with unready status: [" + String.join(" ", unready) + "]", now);
            } else {
                add(conditions, old, type, true, "", "", now);
            }
        }
        add(conditions, old, "PodScheduled", true, "", "", now);
        for (JsonNode c : old.path("conditions")) {
            if (!KUBELET_CONDITIONS.contains(c.path("type").asText())) {
                conditions.add(c.deepCopy());
            }
        }
        copy(old, status, "message");
        copy(old, status, "reason");
        copy(old, status, "nominatedNodeName");
        status.put("hostIP", hostIp);
        status.putArray("hostIPs").addObject().put("ip", hostIp);
        String podIp = sandbox.map(Sandbox::ip).orElse(old.path("podIP").asText(""));
        if (!podIp.isEmpty()) {
            status.put("podIP", podIp);
            status.putArray("podIPs").addObject().put("ip", podIp);
        }
        status.put("startTime", old.path("startTime").asText(ObjectMeta.time(now)));
        if (hasInit) {
            status.set("initContainerStatuses", initStatuses);
        }
        status.set("containerStatuses", statuses);
        copy(old, status, "qosClass");
        return status;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field).deepCopy());
        }
    }

    private static void add(ArrayNode conditions, JsonNode old, String type, boolean value, String reason, String message,
                            Instant now) {
        String status = value ? "True" : "False";
        String since = ObjectMeta.time(now);
        for (JsonNode c : old.path("conditions")) {
            if (c.path("type").asText().equals(type) && c.path("status").asText().equals(status)
                    && c.hasNonNull("lastTransitionTime")) {
                since = c.path("lastTransitionTime").asText();
            }
        }
        ObjectNode c = conditions.addObject();
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", since);
        if (!message.isEmpty()) {
            c.put("message", message);
        }
        if (!reason.isEmpty()) {
            c.put("reason", reason);
        }
        c.put("status", status).put("type", type);
    }

    /** {@code runsToCompletion}: a regular init container, ready once it exited 0 and never while it runs. */
    private static ObjectNode container(JsonNode spec, Optional<Sandbox> sandbox, PodState state, Probes probes,
                                        RuntimeFlavor flavor, String defaultReason, boolean runsToCompletion) {
        String name = spec.path("name").asText();
        Optional<RuntimeContainer> current = sandbox.flatMap(s -> s.container(name));
        Optional<RuntimeContainer> previous = sandbox.flatMap(s -> s.previous(name));
        PodState.Waiting waiting = state.waiting.get(name);
        ObjectNode cs = JsonNodeFactory.instance.objectNode();
        if (current.isPresent()) {
            RuntimeContainer c = current.get();
            cs.put("containerID", flavor.containerId(c.id()));
            cs.put("image", c.imageRef());
            cs.put("imageID", c.imageId());
        } else {
            cs.put("image", spec.path("image").asText());
            cs.put("imageID", "");
        }
        ObjectNode lastState = cs.putObject("lastState");
        cs.put("name", name);
        boolean ready = false;
        boolean started = false;
        int restarts = 0;
        ObjectNode st = JsonNodeFactory.instance.objectNode();
        if (current.isPresent() && current.get().running()) {
            RuntimeContainer c = current.get();
            restarts = c.attempt();
            started = probes.started(spec, c);
            ready = !runsToCompletion && started && probes.ready(spec, c);
            st.putObject("running").put("startedAt", ObjectMeta.time(c.startedAt()));
            previous.ifPresent(p -> lastState.set("terminated", terminated(p, flavor)));
        } else if (current.isPresent() && current.get().exited()) {
            RuntimeContainer c = current.get();
            restarts = c.attempt();
            if (waiting != null) {
                waiting(st, waiting);
                lastState.set("terminated", terminated(c, flavor));
            } else {
                st.set("terminated", terminated(c, flavor));
                previous.ifPresent(p -> lastState.set("terminated", terminated(p, flavor)));
                ready = runsToCompletion && c.exitCode() == 0;
            }
        } else {
            restarts = previous.map(p -> p.attempt() + (current.isPresent() ? 1 : 0)).orElse(0);
            waiting(st, waiting != null ? waiting : new PodState.Waiting(defaultReason, ""));
            previous.ifPresent(p -> lastState.set("terminated", terminated(p, flavor)));
        }
        cs.put("ready", ready);
        cs.put("restartCount", restarts);
        cs.put("started", started);
        cs.set("state", st);
        volumeMounts(spec, cs);
        return cs;
    }

    /**
     * {@code volumeMounts} as 1.32 reports them (RecursiveReadOnlyMounts, beta and on): each mount's name
     * and path, and for a read-only one {@code readOnly: true} and {@code recursiveReadOnly: Disabled}.
     */
    public static void volumeMounts(JsonNode spec, ObjectNode cs) {
        if (spec.path("volumeMounts").isEmpty()) {
            return;
        }
        ArrayNode mounts = cs.putArray("volumeMounts");
        for (JsonNode m : spec.path("volumeMounts")) {
            ObjectNode out = mounts.addObject();
            out.put("name", m.path("name").asText()).put("mountPath", m.path("mountPath").asText());
            if (m.path("readOnly").asBoolean(false)) {
                out.put("readOnly", true).put("recursiveReadOnly", "Disabled");
            }
        }
    }

    private static void waiting(ObjectNode state, PodState.Waiting waiting) {
        ObjectNode w = state.putObject("waiting");
        if (!waiting.message().isEmpty()) {
            w.put("message", waiting.message());
        }
        w.put("reason", waiting.reason());
    }

    private static ObjectNode terminated(RuntimeContainer c, RuntimeFlavor flavor) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("containerID", flavor.containerId(c.id()));
        t.put("exitCode", c.exitCode());
        t.put("finishedAt", ObjectMeta.time(c.finishedAt()));
        t.put("reason", c.reason());
        t.put("startedAt", ObjectMeta.time(c.startedAt()));
        return t;
    }

    /** {@code getPhase} of Kubernetes 1.32, without sidecar (restartable init) containers. */
    static String phase(JsonNode spec, ArrayNode init, ArrayNode containers, boolean terminal) {
        String policy = spec.path("restartPolicy").asText("Always");
        int pendingInit = 0;
        int failedInit = 0;
        int running = 0;
        int waiting = 0;
        boolean anyRegularStarted = false;
        for (JsonNode cs : containers) {
            anyRegularStarted |= cs.path("state").has("running") || cs.path("state").has("terminated")
                    || cs.path("lastState").has("terminated");
        }
        for (int i = 0; i < init.size(); i++) {
            JsonNode cs = init.get(i);
            JsonNode state = cs.path("state");
            if (Sidecars.isSidecar(spec.path("initContainers").get(i))) {
                // Sidecars count while they run; their ends do not decide the phase.
                if (state.has("running")) {
                    running++;
                    if (!cs.path("started").asBoolean() && !anyRegularStarted) {
                        pendingInit++;
                    }
                } else if (state.has("waiting") && !cs.path("lastState").has("terminated")) {
                    pendingInit++;
                    waiting++;
                }
                continue;
            }
            if (state.has("terminated")) {
                if (state.path("terminated").path("exitCode").asInt() != 0) {
                    failedInit++;
                }
            } else {
                pendingInit++;
                if (state.has("waiting") && cs.path("lastState").has("terminated")
                        && cs.path("lastState").path("terminated").path("exitCode").asInt() != 0) {
                    failedInit++;
                }
            }
        }
        int unknown = 0;
        int stopped = 0;
        int succeeded = 0;
        for (JsonNode cs : containers) {
            JsonNode state = cs.path("state");
            if (state.has("running")) {
                running++;
            } else if (state.has("terminated")) {
                stopped++;
                if (state.path("terminated").path("exitCode").asInt() == 0) {
                    succeeded++;
                }
            } else if (state.has("waiting")) {
                if (cs.path("lastState").has("terminated")) {
                    stopped++;
                } else {
                    waiting++;
                }
            } else {
                unknown++;
            }
        }
        if (failedInit > 0 && policy.equals("Never")) {
            return "Failed";
        }
        if ((pendingInit > 0 && !anyRegularStarted) || waiting > 0) {
            return terminal ? "Failed" : "Pending";
        }
        if (running > 0 && unknown == 0) {
            return "Running";
        }
        if (running == 0 && stopped > 0 && unknown == 0) {
            if (terminal) {
                return stopped == succeeded ? "Succeeded" : "Failed";
            }
            if (policy.equals("Always")) {
                return "Running";
            }
            if (stopped == succeeded) {
                return "Succeeded";
            }
            if (policy.equals("Never")) {
                return "Failed";
            }
            return "Running";
        }
        return "Pending";
    }
}
