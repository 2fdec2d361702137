package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.util.function.IntSupplier;

/**
 * {@code RealPodControl} and {@code slowStartBatch} of Kubernetes' controller_utils.go: pods made from a
 * controller's template, with the Events the real controllers record for each.
 */
public final class PodControl {

    public static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    public static final String FAILED_CREATE = "FailedCreate";
    public static final String SUCCESSFUL_CREATE = "SuccessfulCreate";
    public static final String FAILED_DELETE = "FailedDelete";
    public static final String SUCCESSFUL_DELETE = "SuccessfulDelete";
    /** {@code SlowStartInitialBatchSize}: the first batch; each next one doubles while none fails. */
    public static final int SLOW_START_INITIAL_BATCH = 1;

    private final ApiServer api;
    private final EventRecorder recorder;

    public PodControl(ApiServer api, EventRecorder recorder) {
        this.api = api;
        this.recorder = recorder;
    }

    /** {@code GetPodFromTemplate}: the template's labels, annotations, finalizers and spec, owned by {@code owner}. */
    static ObjectNode podFromTemplate(JsonNode template, JsonNode owner) {
        ObjectNode pod = JsonNodeFactory.instance.objectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("generateName", ObjectMeta.name(owner) + "-");
        metadata.put("namespace", ObjectMeta.namespace(owner));
        JsonNode templateMeta = template.path("metadata");
        for (String field : new String[]{"labels", "annotations"}) {
            if (templateMeta.path(field).size() > 0) {
                metadata.set(field, templateMeta.get(field).deepCopy());
            }
        }
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(owner));
        if (templateMeta.path("finalizers").size() > 0) {
            metadata.set("finalizers", templateMeta.get("finalizers").deepCopy());
        }
        pod.set("spec", template.path("spec").deepCopy());
        return pod;
    }

    /** Creates one pod; the Event says which, or why not. */
    public ObjectNode create(JsonNode template, JsonNode owner) {
        try {
            ObjectNode created = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, PODS,
                    ObjectMeta.namespace(owner), "").withBody(podFromTemplate(template, owner))).body();
            recorder.eventf((ObjectNode) owner, EventRecorder.NORMAL, SUCCESSFUL_CREATE, "Created pod: %s",
                    ObjectMeta.name(created));
            return created;
        } catch (StatusException e) {
            if (!namespaceTerminating(e)) {
                recorder.eventf((ObjectNode) owner, EventRecorder.WARNING, FAILED_CREATE, "Error creating: %s",
                        e.getMessage());
            }
            throw e;
        }
    }

    public void delete(JsonNode pod, JsonNode owner) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, PODS,
                    ObjectMeta.namespace(pod), ObjectMeta.name(pod)));
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return;
            }
            recorder.eventf((ObjectNode) owner, EventRecorder.WARNING, FAILED_DELETE, "Error deleting: %s",
                    e.getMessage());
            throw e;
        }
        recorder.eventf((ObjectNode) owner, EventRecorder.NORMAL, SUCCESSFUL_DELETE, "Deleted pod: %s",
                ObjectMeta.name(pod));
    }

    static boolean namespaceTerminating(StatusException e) {
        return e.status().details().map(d -> d.causes().stream()
                .anyMatch(c -> c.reason().equals("NamespaceTerminating"))).orElse(false);
    }

    /** The outcome of a slow start: how many calls succeeded and the first failure, if any. */
    public record Batches(int successes, StatusException error) {
    }

    /**
     * {@code slowStartBatch}: calls in batches of 1, 2, 4, ... and stops after the first batch with a
     * failure, so a refused template costs one request, not hundreds. Each batch runs in full (Kubernetes
     * runs a batch in parallel), so a failing call does not stop the rest of its batch.
     */
    public static Batches slowStart(int count, int initialBatchSize, IntSupplier call) {
        int remaining = count;
        int successes = 0;
        for (int batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
            StatusException first = null;
            for (int i = 0; i < batch; i++) {
                try {
                    successes += call.getAsInt();
                } catch (StatusException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                return new Batches(successes, first);
            }
            remaining -= batch;
        }
        return new Batches(successes, null);
    }
}
