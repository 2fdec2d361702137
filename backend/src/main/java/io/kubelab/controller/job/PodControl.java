package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.util.Optional;

/**
 * {@code controller.RealPodControl} for the Job controller: pod writes through the API server, each
 * reported as Kubernetes reports it (an Event on the job) and narrated as a component event.
 */
final class PodControl {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final String COMPONENT = "kube-controller-manager/job";
    static final String APISERVER = "kube-apiserver";

    private final ApiServer api;
    private final EventRecorder recorder;
    private final ComponentEvents events;

    PodControl(ApiServer api, EventRecorder recorder, ComponentEvents events) {
        this.api = api;
        this.recorder = recorder;
        this.events = events;
    }

    /** Creates a pod; on refusal records {@code FailedCreate} and answers empty. */
    Optional<ObjectNode> create(ObjectNode job, ObjectNode pod, String why) {
        try {
            ObjectNode created = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, PODS,
                    ObjectMeta.namespace(job), "").withBody(pod)).body();
            String name = ObjectMeta.name(created);
            recorder.eventf(job, EventRecorder.NORMAL, "SuccessfulCreate", "Created pod: %s", name);
            narrate("create", job, "Created pod " + name + " for job " + ObjectMeta.name(job) + " " + why + ".");
            return Optional.of(created);
        } catch (StatusException e) {
            if (!namespaceTerminating(e)) {
                recorder.eventf(job, EventRecorder.WARNING, "FailedCreate", "Error creating: %s", e.status().message());
            }
            return Optional.empty();
        }
    }

    /** Deletes a pod; a pod already gone counts as deleted. */
    boolean delete(ObjectNode job, JsonNode pod, String why) {
        String name = ObjectMeta.name(pod);
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, PODS,
                    ObjectMeta.namespace(pod), name));
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return true;
            }
            recorder.eventf(job, EventRecorder.WARNING, "FailedDelete", "Error deleting: %s", e.status().message());
            return false;
        }
        recorder.eventf(job, EventRecorder.NORMAL, "SuccessfulDelete", "Deleted pod: %s", name);
        narrate("delete", job, "Deleted pod " + name + " of job " + ObjectMeta.name(job) + " " + why + ".");
        return true;
    }

    /**
     * Removes the tracking finalizer as the controller does, with a strategic-merge
     * {@code $deleteFromPrimitiveList}. A pod already gone counts as done.
     */
    boolean removeFinalizer(JsonNode pod) {
        if (!JobPods.hasFinalizer(pod)) {
            return true;
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("metadata").putArray("$deleteFromPrimitiveList/finalizers").add(JobPods.TRACKING_FINALIZER);
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.PATCH, PODS,
                    ObjectMeta.namespace(pod), ObjectMeta.name(pod)).withPatch(ApiRequest.PatchType.STRATEGIC, patch));
            return true;
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return true;
            }
            throw e;
        }
    }

    /** An Event on the job that is about no pod in particular (Completed, Suspended, BackoffLimitExceeded...). */
    void recorderEvent(JsonNode job, String type, String reason, String message) {
        recorder.event((ObjectNode) job, type, reason, message);
    }

    void narrate(String action, JsonNode job, String message) {
        events.emit(COMPONENT, null, action, ObjectMeta.reference("Job", ObjectMeta.namespace(job),
                ObjectMeta.name(job)), COMPONENT, APISERVER, message);
    }

    private static boolean namespaceTerminating(StatusException e) {
        for (JsonNode cause : e.status().toJson().path("details").path("causes")) {
            if (cause.path("reason").asText().equals("NamespaceTerminating")) {
                return true;
            }
        }
        return false;
    }
}
