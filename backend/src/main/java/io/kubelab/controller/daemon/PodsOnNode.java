package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.PodConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * podsShouldBeOnNode: a node that should run the DaemonSet and has no pod needs one; failed and succeeded
 * pods are killed (failed ones with a backoff); extra pods are deleted (with surge, one old and one new
 * may share the node while the new one becomes available); a node that must not run it loses its pods.
 */
final class PodsOnNode {

    /** Told about a failed pod: {@code requeue} non-null means "in backoff, look again then". */
    interface FailedPods {
        void found(ObjectNode ds, ObjectNode pod, String node, Duration requeue);
    }

    private PodsOnNode() {
    }

    static void decide(ObjectNode ds, JsonNode node, List<ObjectNode> daemonPods, String hash, Instant now,
                       FailedPodBackoff backoff, FailedPods failed, List<String> create, List<String> delete) {
        NodeEligibility.Result eligibility = NodeEligibility.of(node, ds);
        String nodeName = ObjectMeta.name(node);
        boolean exists = !daemonPods.isEmpty();
        if (eligibility.shouldRun() && !exists) {
            create.add(nodeName);
        } else if (eligibility.shouldContinueRunning()) {
            List<ObjectNode> running = new ArrayList<>();
            for (ObjectNode pod : daemonPods) {
                if (ObjectMeta.deleting(pod)) {
                    continue;
                }
                String phase = PodConditions.phase(pod);
                if (phase.equals("Failed")) {
                    String key = ObjectMeta.uid(ds) + "/" + nodeName;
                    if (backoff.inBackoff(key)) {
                        failed.found(ds, pod, nodeName, backoff.delay(key));
                        continue;
                    }
                    backoff.next(key);
                    failed.found(ds, pod, nodeName, null);
                    delete.add(ObjectMeta.name(pod));
                } else if (phase.equals("Succeeded")) {
                    delete.add(ObjectMeta.name(pod));
                } else {
                    running.add(pod);
                }
            }
            if (running.size() <= 1) {
                return;
            }
            running.sort(DaemonPods.OLDEST_FIRST);
            if (!allowsSurge(ds)) {
                for (int i = 1; i < running.size(); i++) {
                    delete.add(ObjectMeta.name(running.get(i)));
                }
                return;
            }
            ObjectNode oldestNew = null;
            ObjectNode oldestOld = null;
            for (ObjectNode pod : running) {
                boolean isNew = pod.path("metadata").path("labels").path(DaemonPods.REVISION_HASH_LABEL).asText("").equals(hash);
                if (isNew && oldestNew == null) {
                    oldestNew = pod;
                } else if (!isNew && oldestOld == null) {
                    oldestOld = pod;
                } else {
                    delete.add(ObjectMeta.name(pod));
                }
            }
            if (oldestNew != null && oldestOld != null) {
                int minReady = ds.path("spec").path("minReadySeconds").asInt(0);
                if (!PodConditions.ready(oldestOld) || PodConditions.available(oldestNew, minReady, now)) {
                    delete.add(ObjectMeta.name(oldestOld));
                }
            }
        } else if (exists) {
            for (ObjectNode pod : daemonPods) {
                if (!ObjectMeta.deleting(pod)) {
                    delete.add(ObjectMeta.name(pod));
                }
            }
        }
    }

    /** util.AllowsSurge: a RollingUpdate with a non-zero maxSurge. */
    static boolean allowsSurge(JsonNode ds) {
        JsonNode strategy = ds.path("spec").path("updateStrategy");
        if (!strategy.path("type").asText("RollingUpdate").equals("RollingUpdate")) {
            return false;
        }
        JsonNode surge = strategy.path("rollingUpdate").get("maxSurge");
        return surge != null && !surge.isNull() && RollingUpdate.scaled(surge, 1) != 0;
    }
}
