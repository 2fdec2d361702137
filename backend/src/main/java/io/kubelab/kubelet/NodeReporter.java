package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.ObjectReferences;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.image.Image;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The kubelet's node heartbeats: the Lease in {@code kube-node-lease} renewed every 10 s, and the node
 * status computed every {@code nodeStatusUpdateFrequency} (10 s) but written only when something changed
 * or {@code nodeStatusReportFrequency} (5 min) has passed, as 1.32 does with leases on. Conditions that
 * change get a new {@code lastTransitionTime} and the node event the setters record.
 */
final class NodeReporter {

    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    static final ResourceType LEASES = ResourceTypes.of("coordination.k8s.io/v1", "Lease");
    static final Duration LEASE_RENEW = Duration.ofSeconds(10);
    static final Duration STATUS_UPDATE = Duration.ofSeconds(10);
    static final Duration STATUS_REPORT = Duration.ofMinutes(5);
    static final int MAX_IMAGES = 50;

    /** type, reason, message, event: what a healthy node's kubelet reports ({@code nodestatus/setters.go}). */
    private record Healthy(String type, String status, String reason, String message, String event) {
    }

    private static final List<Healthy> CONDITIONS = List.of(
            new Healthy("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available",
                    "NodeHasSufficientMemory"),
            new Healthy("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure",
                    "NodeHasNoDiskPressure"),
            new Healthy("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                    "NodeHasSufficientPID"),
            new Healthy("Ready", "True", "KubeletReady", "kubelet is posting ready status", KubeletEvents.NODE_READY));

    private final String nodeName;
    private final ApiServer api;
    private final UserInfo user;
    private final SimClock clock;
    private final EventRecorder recorder;
    private final ContainerRuntime runtime;
    private SimClock.Timer leaseTimer;
    private SimClock.Timer statusTimer;
    private Instant lastReport;

    NodeReporter(String nodeName, ApiServer api, UserInfo user, SimClock clock, EventRecorder recorder,
                 ContainerRuntime runtime) {
        this.nodeName = nodeName;
        this.api = api;
        this.user = user;
        this.clock = clock;
        this.recorder = recorder;
        this.runtime = runtime;
    }

    /**
     * Starts the heartbeats. {@code restarted}: the kubelet process just started (after a stop or a node
     * failure), so it announces itself and reports at once; otherwise it has been running all along.
     */
    void start(boolean restarted) {
        stop();
        if (restarted) {
            ObjectNode node = ObjectReferences.node(nodeName);
            recorder.event(node, EventRecorder.NORMAL, KubeletEvents.STARTING, KubeletEvents.STARTING_MESSAGE);
            recorder.event(node, EventRecorder.NORMAL, KubeletEvents.NODE_ALLOCATABLE_ENFORCED,
                    KubeletEvents.ALLOCATABLE_MESSAGE);
            lastReport = null;
            renewLease();
            updateStatus();
        } else {
            lastReport = clock.now();
            leaseTimer = clock.scheduleBackground(LEASE_RENEW, this::renewLease);
            statusTimer = clock.scheduleBackground(STATUS_UPDATE, this::updateStatus);
        }
    }

    void stop() {
        if (leaseTimer != null) {
            leaseTimer.cancel();
            leaseTimer = null;
        }
        if (statusTimer != null) {
            statusTimer.cancel();
            statusTimer = null;
        }
    }

    private void renewLease() {
        leaseTimer = clock.scheduleBackground(LEASE_RENEW, this::renewLease);
        try {
            ObjectNode lease = api.handle(ApiRequest.of(user, ApiRequest.Verb.GET, LEASES, "kube-node-lease", nodeName)).body();
            lease.with("spec").put("renewTime", ObjectMeta.microTime(clock.now()));
            api.handle(ApiRequest.of(user, ApiRequest.Verb.UPDATE, LEASES, "kube-node-lease", nodeName).withBody(lease));
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                createLease();
            }
            // Otherwise (API server down, conflict): the next renewal tries again, as the kubelet's does.
        }
    }

    private void createLease() {
        ObjectNode lease = JsonNodeFactory.instance.objectNode();
        lease.put("apiVersion", "coordination.k8s.io/v1").put("kind", "Lease");
        lease.putObject("metadata").put("name", nodeName).put("namespace", "kube-node-lease");
        lease.putObject("spec").put("holderIdentity", nodeName).put("leaseDurationSeconds", 40)
                .put("renewTime", ObjectMeta.microTime(clock.now()));
        try {
            api.handle(ApiRequest.of(user, ApiRequest.Verb.CREATE, LEASES, "kube-node-lease", "").withBody(lease));
        } catch (StatusException e) {
            // Tried again at the next renewal.
        }
    }

    private void updateStatus() {
        statusTimer = clock.scheduleBackground(STATUS_UPDATE, this::updateStatus);
        ObjectNode node;
        try {
            node = api.handle(ApiRequest.of(user, ApiRequest.Verb.GET, NODES, "", nodeName)).body();
        } catch (StatusException e) {
            return;
        }
        ObjectNode status = node.with("status");
        ObjectNode before = status.deepCopy();
        String now = ObjectMeta.time(clock.now());
        ArrayNode conditions = status.withArray("conditions");
        boolean changed = false;
        for (Healthy want : CONDITIONS) {
            ObjectNode c = find(conditions, want.type);
            boolean transition = c == null || !c.path("status").asText().equals(want.status);
            if (c == null) {
                c = conditions.addObject();
            }
            if (transition || !c.path("reason").asText().equals(want.reason)) {
                changed = true;
            }
            c.put("lastHeartbeatTime", now);
            if (transition) {
                c.put("lastTransitionTime", now);
                recorder.eventf(ObjectReferences.node(nodeName), EventRecorder.NORMAL, want.event,
                        KubeletEvents.NODE_STATUS_MESSAGE, nodeName, want.event);
            }
            c.put("message", want.message).put("reason", want.reason).put("status", want.status).put("type", want.type);
        }
        ArrayNode images = JsonNodeFactory.instance.arrayNode();
        List<Image> list = runtime.images();
        for (Image image : list.subList(0, Math.min(MAX_IMAGES, list.size()))) {
            ObjectNode entry = images.addObject();
            ArrayNode names = entry.putArray("names");
            String repository = io.kubelab.runtime.ImageNames.repository(image.reference());
            names.add(image.imageId().contains("@") ? image.imageId() : repository + "@" + image.imageId());
            names.add(image.reference());
            entry.put("sizeBytes", image.sizeBytes());
        }
        if (!images.isEmpty() && !images.equals(before.path("images"))) {
            status.set("images", images);
            changed = true;
        }
        status.with("nodeInfo").put("containerRuntimeVersion", runtime.flavor().version());
        if (!status.path("nodeInfo").equals(before.path("nodeInfo"))) {
            changed = true;
        }
        boolean due = lastReport == null || !clock.now().isBefore(lastReport.plus(STATUS_REPORT));
        if (!changed && !due) {
            return;
        }
        try {
            api.handle(ApiRequest.of(user, ApiRequest.Verb.UPDATE, NODES, "", nodeName).withSubresource("status")
                    .withBody(node));
            lastReport = clock.now();
        } catch (StatusException e) {
            // The next update tries again.
        }
    }

    private static ObjectNode find(ArrayNode conditions, String type) {
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                return (ObjectNode) c;
            }
        }
        return null;
    }
}
