package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.controller.history.ControllerRevisions;
import io.kubelab.model.GoJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DaemonSet's ControllerRevisions (update.go: constructHistory, snapshot, cleanupHistory). A revision
 * matches the DaemonSet when its data is the same template patch; the pods' hash is the matching
 * revision's {@code controller-revision-hash} label.
 */
final class DaemonSetHistory {

    /** The current revision and the older ones. */
    record History(ObjectNode current, List<ObjectNode> old) {
        String hash() {
            return current.path("metadata").path("labels").path(DaemonPods.REVISION_HASH_LABEL).asText("");
        }
    }

    private final ApiServer api;
    private final Informer revisions;

    DaemonSetHistory(ApiServer api, Informer revisions) {
        this.api = api;
        this.revisions = revisions;
    }

    /** getPatch: {@code {"spec":{"template":{...,"$patch":"replace"}}}}. */
    static ObjectNode patch(JsonNode daemonSet) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode template = daemonSet.path("spec").path("template").deepCopy();
        template.put("$patch", "replace");
        patch.putObject("spec").set("template", template);
        return patch;
    }

    /**
     * controller.ComputeHash over the pod template and collision count. Kubernetes hashes Go's dump of the
     * typed template; we hash the template's JSON bytes the same way (FNV-1a), so equal templates give
     * equal hashes and any change gives a new one, though the digits differ from a real cluster's.
     */
    static String computeHash(JsonNode template, int collisionCount, boolean hasCollisionCount) {
        int h = ControllerRevisions.fnv1a(ControllerRevisions.fnvOffset(),
                GoJson.marshal(template).getBytes(StandardCharsets.UTF_8));
        if (hasCollisionCount) {
            h = ControllerRevisions.fnv1a(h, Integer.toString(collisionCount).getBytes(StandardCharsets.UTF_8));
        }
        return ControllerRevisions.safeEncode(Integer.toUnsignedString(h));
    }

    List<ObjectNode> controlled(ObjectNode daemonSet) {
        List<ObjectNode> owned = new ArrayList<>();
        for (ObjectNode revision : revisions.list()) {
            if (ObjectMeta.namespace(revision).equals(ObjectMeta.namespace(daemonSet))
                    && OwnerRefs.ownedBy(revision, daemonSet)) {
                owned.add(revision);
            }
        }
        return owned;
    }

    History construct(ObjectNode daemonSet) {
        ObjectNode patch = patch(daemonSet);
        List<ObjectNode> current = new ArrayList<>();
        List<ObjectNode> old = new ArrayList<>();
        for (ObjectNode revision : controlled(daemonSet)) {
            ObjectNode history = revision;
            if (!revision.path("metadata").path("labels").has(DaemonPods.REVISION_HASH_LABEL)) {
                // Revisions made before the label existed get their name as their hash.
                ObjectNode labelled = revision.deepCopy();
                labelled.with("metadata").with("labels").put(DaemonPods.REVISION_HASH_LABEL, ObjectMeta.name(revision));
                history = update(labelled);
            }
            if (ControllerRevisions.sameData(history.path("data"), patch)) {
                current.add(history);
            } else {
                old.add(history);
            }
        }
        long next = old.stream().mapToLong(ControllerRevisions::revision).max().orElse(0) + 1;
        ObjectNode cur;
        if (current.isEmpty()) {
            cur = snapshot(daemonSet, next, patch);
        } else {
            cur = dedup(daemonSet, current);
            if (ControllerRevisions.revision(cur) < next) {
                ObjectNode renumbered = cur.deepCopy();
                renumbered.put("revision", next);
                cur = update(renumbered);
            }
        }
        return new History(cur, old);
    }

    /** dedupCurHistories: keep the highest revision, move pods of the others onto it, delete them. */
    private ObjectNode dedup(ObjectNode daemonSet, List<ObjectNode> current) {
        if (current.size() == 1) {
            return current.get(0);
        }
        ObjectNode keep = ControllerRevisions.sorted(current).get(current.size() - 1);
        for (ObjectNode other : current) {
            if (other != keep) {
                ControllerRevisions.delete(api, Informers.CONTROLLER_MANAGER, other);
            }
        }
        return keep;
    }

    private ObjectNode snapshot(ObjectNode daemonSet, long revision, ObjectNode patch) {
        JsonNode count = daemonSet.path("status").path("collisionCount");
        String hash = computeHash(daemonSet.path("spec").path("template"), count.asInt(0), count.isNumber());
        ObjectNode history = JsonNodeFactory.instance.objectNode();
        history.put("apiVersion", "apps/v1").put("kind", "ControllerRevision");
        ObjectNode metadata = history.putObject("metadata");
        metadata.put("name", ObjectMeta.name(daemonSet) + "-" + hash).put("namespace", ObjectMeta.namespace(daemonSet));
        ObjectNode labels = daemonSet.path("spec").path("template").path("metadata").path("labels").isObject()
                ? daemonSet.path("spec").path("template").path("metadata").path("labels").deepCopy()
                : JsonNodeFactory.instance.objectNode();
        labels.put(DaemonPods.REVISION_HASH_LABEL, hash);
        metadata.set("labels", labels);
        if (daemonSet.path("metadata").path("annotations").size() > 0) {
            metadata.set("annotations", daemonSet.path("metadata").path("annotations").deepCopy());
        }
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(daemonSet, "apps/v1", "DaemonSet"));
        history.set("data", patch);
        history.put("revision", revision);
        try {
            return api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, ControllerRevisions.TYPE,
                    ObjectMeta.namespace(daemonSet), "").withBody(history)).body();
        } catch (StatusException e) {
            if (e.status().code() != 409) {
                throw e;
            }
            ObjectNode existing = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET,
                    ControllerRevisions.TYPE, ObjectMeta.namespace(daemonSet), metadata.path("name").asText())).body();
            if (ControllerRevisions.sameData(existing.path("data"), patch)) {
                return existing;
            }
            // A different template hashed to the same name: bump the collision count, retry next sync.
            ObjectNode bumped = daemonSet.deepCopy();
            bumped.with("status").put("collisionCount", count.asInt(0) + 1);
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, DaemonSetController.DAEMON_SETS,
                    ObjectMeta.namespace(daemonSet), ObjectMeta.name(daemonSet)).withSubresource("status").withBody(bumped));
            throw e;
        }
    }

    /** cleanupHistory: beyond revisionHistoryLimit, delete the oldest revisions no live pod uses. */
    void cleanup(ObjectNode daemonSet, List<ObjectNode> old, List<ObjectNode> pods) {
        int keep = daemonSet.path("spec").path("revisionHistoryLimit").asInt(10);
        int toKill = old.size() - keep;
        if (toKill <= 0) {
            return;
        }
        Set<String> live = new HashSet<>();
        for (ObjectNode pod : pods) {
            String hash = pod.path("metadata").path("labels").path(DaemonPods.REVISION_HASH_LABEL).asText("");
            if (!hash.isEmpty()) {
                live.add(hash);
            }
        }
        for (ObjectNode history : ControllerRevisions.sorted(old)) {
            if (toKill <= 0) {
                break;
            }
            if (live.contains(history.path("metadata").path("labels").path(DaemonPods.REVISION_HASH_LABEL).asText(""))) {
                continue;
            }
            ControllerRevisions.delete(api, Informers.CONTROLLER_MANAGER, history);
            toKill--;
        }
    }

    private ObjectNode update(ObjectNode revision) {
        return api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, ControllerRevisions.TYPE,
                ObjectMeta.namespace(revision), ObjectMeta.name(revision)).withBody(revision)).body();
    }
}
