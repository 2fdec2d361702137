package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.model.ResourceTypes;

import java.util.List;
import java.util.TreeMap;

/**
 * A workload's revisions as kubectl's history viewers find them: a Deployment's ReplicaSets by their
 * {@code deployment.kubernetes.io/revision} annotation, a DaemonSet's or StatefulSet's ControllerRevisions,
 * each owned by the workload (matched by uid).
 */
final class Revisions {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    private Revisions() {
    }

    /** Revision number to the object holding it (ReplicaSet or ControllerRevision), oldest first. */
    static TreeMap<Long, ObjectNode> of(KubectlContext ctx, Targets.Target target) {
        boolean deployment = target.type().kind().equals("Deployment");
        var type = deployment ? ResourceTypes.of("apps/v1", "ReplicaSet") : ResourceTypes.of("apps/v1", "ControllerRevision");
        ObjectNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, type, target.namespace(), ""))
                .body();
        String uid = target.object().path("metadata").path("uid").asText();
        TreeMap<Long, ObjectNode> out = new TreeMap<>();
        for (JsonNode item : list.path("items")) {
            if (!ownedBy(item, uid)) {
                continue;
            }
            long revision = deployment
                    ? item.path("metadata").path("annotations").path(REVISION).asLong(0)
                    : item.path("revision").asLong(0);
            out.put(revision, (ObjectNode) item);
        }
        return out;
    }

    private static boolean ownedBy(JsonNode item, String uid) {
        for (JsonNode ref : item.path("metadata").path("ownerReferences")) {
            if (ref.path("uid").asText().equals(uid) && ref.path("controller").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** The pod template a revision holds, as stored (a ReplicaSet's keeps its pod-template-hash label). */
    static JsonNode storedTemplate(String workloadKind, ObjectNode revision) {
        return workloadKind.equals("Deployment") ? revision.path("spec").path("template")
                : revision.path("data").path("spec").path("template");
    }

    /** The pod template a revision holds, without the labels the controller adds to tell revisions apart. */
    static ObjectNode template(String workloadKind, ObjectNode revision) {
        ObjectNode template = ((ObjectNode) storedTemplate(workloadKind, revision)).deepCopy();
        JsonNode labels = template.path("metadata").path("labels");
        if (labels.isObject()) {
            ((ObjectNode) labels).remove(List.of("pod-template-hash", "controller-revision-hash"));
        }
        return template;
    }

    static String changeCause(ObjectNode revision) {
        String cause = revision.path("metadata").path("annotations").path(CHANGE_CAUSE).asText("");
        return cause.isEmpty() ? "<none>" : cause;
    }
}
