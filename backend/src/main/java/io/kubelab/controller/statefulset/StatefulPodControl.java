package io.kubelab.controller.statefulset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.util.Locale;
import java.util.Map;

/**
 * stateful_pod_control.go: creates a pod's claims then the pod, deletes pods, keeps the claims' owner
 * references as the retention policy says, and records each step as Kubernetes words it.
 */
final class StatefulPodControl {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType CLAIMS = ResourceTypes.of("v1", "PersistentVolumeClaim");
    static final String RETAIN = "Retain";
    static final String DELETE = "Delete";

    private final ApiServer api;
    private final Informer claims;
    private final EventRecorder recorder;
    private final ComponentEvents events;

    StatefulPodControl(ApiServer api, Informer claims, EventRecorder recorder, ComponentEvents events) {
        this.api = api;
        this.claims = claims;
        this.recorder = recorder;
        this.events = events;
    }

    /** CreateStatefulPod: claims first, then the pod, then the claims' owner references. */
    void createPod(ObjectNode set, ObjectNode pod) {
        try {
            createMissingClaims(set, pod);
        } catch (StatusException e) {
            recordPodEvent("create", set, pod, e.status().message());
            throw e;
        }
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, PODS,
                    ObjectMeta.namespace(set), "").withBody(pod));
        } catch (StatusException e) {
            if (e.status().code() == 409) {
                throw e;
            }
            recordPodEvent("create", set, pod, e.status().message());
            throw e;
        }
        updateClaimsForRetentionPolicy(set, pod);
        recordPodEvent("create", set, pod, null);
        events.emit(StatefulSetController.COMPONENT, null, "create", "Pod/" + ObjectMeta.namespace(pod) + "/"
                + ObjectMeta.name(pod), StatefulSetController.COMPONENT, "kube-apiserver", "Created pod "
                + ObjectMeta.name(pod) + " as ordinal " + StatefulSetPods.ordinal(pod) + " of StatefulSet "
                + ObjectMeta.name(set) + ".");
    }

    /** createPersistentVolumeClaims: each missing claim is created; one being deleted blocks the pod. */
    void createMissingClaims(ObjectNode set, ObjectNode pod) {
        StatusException failure = null;
        for (ObjectNode claim : StatefulSetPods.claims(set, StatefulSetPods.ordinal(pod)).values()) {
            var existing = claims.get(ObjectMeta.namespace(claim) + "/" + ObjectMeta.name(claim));
            if (existing.isPresent()) {
                if (ObjectMeta.deleting(existing.get())) {
                    failure = new StatusException(new io.kubelab.apiserver.Status(409, "Conflict",
                            "pvc " + ObjectMeta.name(claim) + " is being deleted", java.util.Optional.empty()));
                }
                continue;
            }
            try {
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, CLAIMS,
                        ObjectMeta.namespace(set), "").withBody(claim));
                recordClaimEvent(set, pod, claim, null);
            } catch (StatusException e) {
                if (e.status().code() != 409) {
                    recordClaimEvent(set, pod, claim, e.status().message());
                }
                failure = new StatusException(new io.kubelab.apiserver.Status(e.status().code(), e.status().reason(),
                        "failed to create PVC " + ObjectMeta.name(claim) + ": " + e.status().message(),
                        java.util.Optional.empty()));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    void deletePod(ObjectNode set, ObjectNode pod) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, PODS,
                    ObjectMeta.namespace(pod), ObjectMeta.name(pod)));
            recordPodEvent("delete", set, pod, null);
            events.emit(StatefulSetController.COMPONENT, null, "delete", "Pod/" + ObjectMeta.namespace(pod) + "/"
                    + ObjectMeta.name(pod), StatefulSetController.COMPONENT, "kube-apiserver", "Deleted pod "
                    + ObjectMeta.name(pod) + " of StatefulSet " + ObjectMeta.name(set) + ", highest ordinal first.");
        } catch (StatusException e) {
            recordPodEvent("delete", set, pod, e.status().message());
            throw e;
        }
    }

    /** recordPodEvent: {@code SuccessfulCreate} "create Pod web-0 in StatefulSet web successful". */
    private void recordPodEvent(String verb, ObjectNode set, JsonNode pod, String error) {
        String title = verb.substring(0, 1).toUpperCase(Locale.ROOT) + verb.substring(1);
        if (error == null) {
            recorder.event(set, EventRecorder.NORMAL, "Successful" + title, verb + " Pod " + ObjectMeta.name(pod)
                    + " in StatefulSet " + ObjectMeta.name(set) + " successful");
        } else {
            recorder.event(set, EventRecorder.WARNING, "Failed" + title, verb + " Pod " + ObjectMeta.name(pod)
                    + " in StatefulSet " + ObjectMeta.name(set) + " failed error: " + error);
        }
    }

    /** recordClaimEvent: "create Claim www-web-0 Pod web-0 in StatefulSet web success". */
    private void recordClaimEvent(ObjectNode set, JsonNode pod, JsonNode claim, String error) {
        if (error == null) {
            recorder.event(set, EventRecorder.NORMAL, "SuccessfulCreate", "create Claim " + ObjectMeta.name(claim)
                    + " Pod " + ObjectMeta.name(pod) + " in StatefulSet " + ObjectMeta.name(set) + " success");
        } else {
            recorder.event(set, EventRecorder.WARNING, "FailedCreate", "create Claim " + ObjectMeta.name(claim)
                    + " for Pod " + ObjectMeta.name(pod) + " in StatefulSet " + ObjectMeta.name(set)
                    + " failed error: " + error);
        }
    }

    /**
     * UpdatePodClaimForRetentionPolicy: whenDeleted Delete makes the set a claim's controller owner;
     * whenScaled Delete makes a condemned pod its owner, so the garbage collector removes the claim with it.
     */
    void updateClaimsForRetentionPolicy(ObjectNode set, JsonNode pod) {
        JsonNode policy = set.path("spec").path("persistentVolumeClaimRetentionPolicy");
        String whenDeleted = policy.path("whenDeleted").asText(RETAIN);
        String whenScaled = policy.path("whenScaled").asText(RETAIN);
        boolean scaledDown = !StatefulSetPods.inOrdinalRange(pod, set);
        for (ObjectNode wanted : StatefulSetPods.claims(set, StatefulSetPods.ordinal(pod)).values()) {
            var found = claims.get(ObjectMeta.namespace(wanted) + "/" + ObjectMeta.name(wanted));
            if (found.isEmpty() || ObjectMeta.uid(pod).isEmpty()) {
                continue;
            }
            ObjectNode claim = found.get().deepCopy();
            ArrayNode refs = claim.with("metadata").withArray("ownerReferences");
            for (int i = refs.size() - 1; i >= 0; i--) {
                String uid = refs.get(i).path("uid").asText();
                if (uid.equals(ObjectMeta.uid(set)) || uid.equals(ObjectMeta.uid(pod))) {
                    refs.remove(i);
                }
            }
            if (whenScaled.equals(DELETE) && scaledDown) {
                refs.add(OwnerRefs.controllerRef(pod, "v1", "Pod"));
            } else if (whenDeleted.equals(DELETE)) {
                refs.add(OwnerRefs.controllerRef(set, "apps/v1", "StatefulSet"));
            }
            if (refs.isEmpty()) {
                claim.with("metadata").remove("ownerReferences");
            }
            if (!claim.path("metadata").path("ownerReferences").equals(found.get().path("metadata").path("ownerReferences"))) {
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, CLAIMS,
                        ObjectMeta.namespace(claim), ObjectMeta.name(claim)).withBody(claim));
            }
        }
    }

    static Map<String, ObjectNode> claimsOf(ObjectNode set, JsonNode pod) {
        return StatefulSetPods.claims(set, StatefulSetPods.ordinal(pod));
    }
}
