package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.controller.replicaset.ReplicaSetController;
import io.kubelab.events.ComponentEvents;
import io.kubelab.record.EventRecorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sync of one Deployment (sync.go): the Deployment as last written, its ReplicaSets, and the steps
 * every strategy shares: finding or creating the new set, scaling a set, cleaning up, writing the status.
 */
final class Rollout {

    static final String SCALING_REPLICA_SET = "ScalingReplicaSet";

    final ApiServer api;
    final EventRecorder recorder;
    final ComponentEvents events;
    final Instant now;
    /** The Deployment, replaced by what the API server answers after each status write. */
    ObjectNode d;
    final List<ObjectNode> sets;

    Rollout(ApiServer api, EventRecorder recorder, ComponentEvents events, Instant now, ObjectNode d,
            List<ObjectNode> sets) {
        this.api = api;
        this.recorder = recorder;
        this.events = events;
        this.now = now;
        this.d = d;
        this.sets = sets;
    }

    String name() {
        return ObjectMeta.name(d);
    }

    String namespace() {
        return ObjectMeta.namespace(d);
    }

    /** The new set (possibly absent) and the old ones, with the revision synced: {@code getAllReplicaSetsAndSyncRevision}. */
    record Sets(ObjectNode newRs, List<ObjectNode> old) {
        List<ObjectNode> all() {
            List<ObjectNode> all = new ArrayList<>(old);
            if (newRs != null) {
                all.add(newRs);
            }
            return all;
        }
    }

    Sets syncRevision(boolean createIfMissing) {
        List<ObjectNode> old = ReplicaSets.findOld(d, sets);
        return new Sets(newReplicaSet(old, createIfMissing), old);
    }

    /** {@code getNewReplicaSet}. */
    private ObjectNode newReplicaSet(List<ObjectNode> old, boolean createIfMissing) {
        Optional<ObjectNode> existing = ReplicaSets.findNew(d, sets);
        long newRevision = RevisionAnnotations.maxRevision(old) + 1;
        if (existing.isPresent()) {
            ObjectNode rs = existing.get().deepCopy();
            boolean annotationsChanged = RevisionAnnotations.setNewReplicaSetAnnotations(d, rs, newRevision, true);
            int minReady = d.path("spec").path("minReadySeconds").asInt(0);
            boolean minReadyChanged = rs.path("spec").path("minReadySeconds").asInt(0) != minReady;
            if (annotationsChanged || minReadyChanged) {
                if (minReady == 0) {
                    rs.with("spec").remove("minReadySeconds");
                } else {
                    rs.with("spec").put("minReadySeconds", minReady);
                }
                return updateReplicaSet(rs);
            }
            boolean needsUpdate = setRevision(rs.path("metadata").path("annotations").path(RevisionAnnotations.REVISION)
                    .asText(""));
            ObjectNode status = d.with("status");
            if (hasProgressDeadline(d) && Conditions.get(status, Conditions.PROGRESSING).isEmpty()) {
                Conditions.set(status, Conditions.of(Conditions.PROGRESSING, "True", Conditions.FOUND_NEW_RS,
                        "Found new replica set \"" + ObjectMeta.name(rs) + "\"", now));
                needsUpdate = true;
            }
            if (needsUpdate) {
                writeStatus();
            }
            return rs;
        }
        if (!createIfMissing) {
            return null;
        }
        return createReplicaSet(old, newRevision);
    }

    private ObjectNode createReplicaSet(List<ObjectNode> old, long newRevision) {
        JsonNode collision = d.path("status").path("collisionCount");
        ObjectNode template = d.path("spec").path("template").deepCopy();
        String hash = PodTemplateHash.compute(template, collision.isNumber() ? collision.asInt() : null);
        template.with("metadata").with("labels").put(ReplicaSets.HASH_LABEL, hash);
        ObjectNode selector = d.path("spec").path("selector").deepCopy();
        selector.with("matchLabels").put(ReplicaSets.HASH_LABEL, hash);
        ObjectNode rs = JsonNodeFactory.instance.objectNode();
        rs.put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        ObjectNode metadata = rs.putObject("metadata");
        metadata.put("name", name() + "-" + hash).put("namespace", namespace());
        metadata.set("labels", template.path("metadata").path("labels").deepCopy());
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(d));
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", 0);
        if (d.path("spec").path("minReadySeconds").asInt(0) != 0) {
            spec.put("minReadySeconds", d.path("spec").path("minReadySeconds").asInt());
        }
        spec.set("selector", selector);
        spec.set("template", template);
        List<ObjectNode> all = new ArrayList<>(old);
        all.add(rs);
        int replicas = Surge.newReplicas(d, ReplicaSets.specTotal(all), rs);
        spec.put("replicas", replicas);
        RevisionAnnotations.setNewReplicaSetAnnotations(d, rs, newRevision, false);
        ObjectNode created;
        boolean alreadyExists = false;
        try {
            created = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE,
                    ReplicaSetController.REPLICA_SETS, namespace(), "").withBody(rs)).body();
        } catch (StatusException e) {
            if (e.status().code() == 409) {
                ObjectNode existing = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET,
                        ReplicaSetController.REPLICA_SETS, namespace(), ObjectMeta.name(rs))).body();
                if (OwnerRefs.ownedBy(existing, d) && ReplicaSets.equalIgnoreHash(
                        d.path("spec").path("template"), existing.path("spec").path("template"))) {
                    created = existing;
                    alreadyExists = true;
                } else {
                    // A hash collision: count it, so the next sync hashes differently.
                    d.with("status").put("collisionCount", collision.asInt(0) + 1);
                    writeStatus();
                    throw e;
                }
            } else if (e.status().details().map(x -> x.causes().stream()
                    .anyMatch(c -> c.reason().equals("NamespaceTerminating"))).orElse(false)) {
                throw e;
            } else {
                String msg = "Failed to create new replica set \"" + ObjectMeta.name(rs) + "\": " + e.getMessage();
                if (hasProgressDeadline(d)) {
                    Conditions.set(d.with("status"), Conditions.of(Conditions.PROGRESSING, "False",
                            Conditions.FAILED_RS_CREATE, msg, now));
                    try {
                        writeStatus();
                    } catch (StatusException ignored) {
                        // The bigger issue is reported below.
                    }
                }
                recorder.event(d, EventRecorder.WARNING, Conditions.FAILED_RS_CREATE, msg);
                throw e;
            }
        }
        if (!alreadyExists && replicas > 0) {
            recorder.eventf(d, EventRecorder.NORMAL, SCALING_REPLICA_SET, "Scaled up replica set %s from 0 to %d",
                    ObjectMeta.name(created), replicas);
        }
        if (!alreadyExists) {
            narrate("create", created, "Created replica set " + ObjectMeta.name(created) + " for the new pod template of "
                    + name() + " (revision " + newRevision + ") with " + replicas + " of " + Surge.replicas(d)
                    + " replicas.");
        }
        boolean needsUpdate = setRevision(Long.toString(newRevision));
        if (!alreadyExists && hasProgressDeadline(d)) {
            Conditions.set(d.with("status"), Conditions.of(Conditions.PROGRESSING, "True", Conditions.NEW_REPLICA_SET,
                    "Created new replica set \"" + ObjectMeta.name(created) + "\"", now));
            needsUpdate = true;
        }
        if (needsUpdate) {
            writeStatus();
        }
        return created;
    }

    /** {@code SetDeploymentRevision}. */
    private boolean setRevision(String revision) {
        ObjectNode annotations = ObjectMeta.of(d).with("annotations");
        if (annotations.path(RevisionAnnotations.REVISION).asText("").equals(revision)) {
            return false;
        }
        annotations.put(RevisionAnnotations.REVISION, revision);
        return true;
    }

    static boolean hasProgressDeadline(JsonNode d) {
        JsonNode deadline = d.path("spec").path("progressDeadlineSeconds");
        return deadline.isNumber() && deadline.asInt() != Integer.MAX_VALUE;
    }

    /**
     * Writes the Deployment's status (and, as Kubernetes' status strategy allows, its annotations: the
     * revision); later steps of this sync work on the answer.
     */
    void writeStatus() {
        d = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, DeploymentController.DEPLOYMENTS,
                namespace(), name()).withSubresource("status").withBody(d)).body().deepCopy();
    }

    ObjectNode updateReplicaSet(ObjectNode rs) {
        return api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE,
                ReplicaSetController.REPLICA_SETS, namespace(), ObjectMeta.name(rs)).withBody(rs)).body();
    }

    /** {@code scaleReplicaSetAndRecordEvent}: answers whether the size changed. */
    boolean scale(ObjectNode rs, int newScale, String why) {
        int current = ReplicaSets.replicas(rs);
        if (current == newScale) {
            return false;
        }
        return scale(rs, newScale, current < newScale ? "up" : "down", why);
    }

    /** {@code scaleReplicaSet}: the size and the replica annotations; the Event only for a size change. */
    boolean scale(ObjectNode rs, int newScale, String operation, String why) {
        int oldScale = ReplicaSets.replicas(rs);
        boolean sizeChanges = oldScale != newScale;
        int desired = Surge.replicas(d);
        int max = desired + Surge.maxSurge(d);
        if (!sizeChanges && !RevisionAnnotations.replicasAnnotationsNeedUpdate(rs, desired, max)) {
            return false;
        }
        ObjectNode copy = rs.deepCopy();
        copy.with("spec").put("replicas", newScale);
        RevisionAnnotations.setReplicasAnnotations(copy, desired, max);
        ObjectNode updated = updateReplicaSet(copy);
        if (sizeChanges) {
            recorder.eventf(d, EventRecorder.NORMAL, SCALING_REPLICA_SET, "Scaled %s replica set %s from %d to %d",
                    operation, ObjectMeta.name(updated), oldScale, newScale);
            narrate("scale", updated, why + ": scaled " + ObjectMeta.name(updated) + " " + operation + " from "
                    + oldScale + " to " + newScale + describeLimits() + ".");
        }
        return sizeChanges;
    }

    private String describeLimits() {
        if (!Surge.rollingUpdate(d)) {
            return "";
        }
        return " (maxSurge " + Surge.maxSurge(d) + ", maxUnavailable " + Surge.maxUnavailable(d) + ")";
    }

    void narrate(String action, JsonNode rs, String message) {
        events.emit(DeploymentController.COMPONENT, null, action,
                "ReplicaSet/" + ObjectMeta.namespace(rs) + "/" + ObjectMeta.name(rs),
                DeploymentController.COMPONENT, "kube-apiserver", message);
    }

    /** {@code cleanupDeployment}: deletes the oldest empty sets beyond {@code revisionHistoryLimit}. */
    void cleanup(List<ObjectNode> old) {
        JsonNode limit = d.path("spec").path("revisionHistoryLimit");
        if (!limit.isNumber()) {
            return;
        }
        List<ObjectNode> cleanable = new ArrayList<>(old.stream().filter(rs -> !ObjectMeta.deleting(rs)).toList());
        int diff = cleanable.size() - limit.asInt();
        if (diff <= 0) {
            return;
        }
        cleanable.sort(java.util.Comparator.comparingLong(RevisionAnnotations::revision)
                .thenComparing(ReplicaSets.BY_CREATION));
        for (int i = 0; i < diff; i++) {
            ObjectNode rs = cleanable.get(i);
            if (ReplicaSets.statusReplicas(rs) != 0 || ReplicaSets.replicas(rs) != 0
                    || rs.path("metadata").path("generation").asLong() > rs.path("status").path("observedGeneration").asLong()) {
                continue;
            }
            try {
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE,
                        ReplicaSetController.REPLICA_SETS, ObjectMeta.namespace(rs), ObjectMeta.name(rs)));
                narrate("delete", rs, "Deleted old replica set " + ObjectMeta.name(rs) + " (revision "
                        + RevisionAnnotations.revision(rs) + ") of " + name() + ": revisionHistoryLimit is "
                        + limit.asInt() + ".");
            } catch (StatusException e) {
                if (e.status().code() != 404) {
                    throw e;
                }
            }
        }
    }
}
