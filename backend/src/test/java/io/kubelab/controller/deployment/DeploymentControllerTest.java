package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.controller.Informer;
import io.kubelab.controller.PodConditions;
import io.kubelab.controller.replicaset.PodControl;
import io.kubelab.controller.replicaset.ReplicaSetController;
import io.kubelab.controller.replicaset.Sandbox;
import io.kubelab.model.Labels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.kubelab.controller.replicaset.Sandbox.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentControllerTest {

    static final String WEB = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':3,%s"
            + "'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},"
            + "'spec':{'containers':[{'name':'nginx','image':'nginx:1.25'}]}}}}";
    static final String SURGE_1_UNAVAILABLE_0 = "'strategy':{'rollingUpdate':{'maxSurge':1,'maxUnavailable':0}},";

    final Sandbox sandbox = new Sandbox();

    ObjectNode deployment() {
        return sandbox.get(DeploymentController.DEPLOYMENTS, "web");
    }

    String hash(ObjectNode d) {
        return PodTemplateHash.compute(d.path("spec").path("template"), null);
    }

    /** The ReplicaSets, oldest first. */
    List<ObjectNode> sets() {
        List<ObjectNode> sets = new ArrayList<>(sandbox.list(ReplicaSetController.REPLICA_SETS));
        sets.sort(Comparator.comparing((JsonNode rs) -> rs.path("metadata").path("creationTimestamp").asText())
                .thenComparing(rs -> rs.path("metadata").path("annotations").path(RevisionAnnotations.REVISION).asText()));
        return sets;
    }

    String image(String image) {
        return "{'spec':{'template':{'spec':{'containers':[{'name':'nginx','image':'" + image + "'}]}}}}";
    }

    JsonNode condition(String type) {
        return Conditions.get(deployment().path("status"), type).orElseThrow();
    }

    @Test
    void threeReplicasMakeOneReplicaSetThreePodsAndACompleteStatus() {
        ObjectNode d = sandbox.create(DeploymentController.DEPLOYMENTS, String.format(WEB, "")
                .replace("'name':'web'}", "'name':'web','annotations':{'kubernetes.io/change-cause':'first'}}"));
        sandbox.settle();
        String rs = "web-" + hash(d);
        ObjectNode set = sandbox.get(ReplicaSetController.REPLICA_SETS, rs);
        assertEquals("{\"deployment.kubernetes.io/desired-replicas\":\"3\",\"deployment.kubernetes.io/max-replicas\":\"4\","
                + "\"deployment.kubernetes.io/revision\":\"1\",\"kubernetes.io/change-cause\":\"first\"}",
                sorted(set.path("metadata").path("annotations")));
        assertEquals("{\"app\":\"web\",\"pod-template-hash\":\"" + hash(d) + "\"}",
                set.path("spec").path("selector").path("matchLabels").toString());
        List<ObjectNode> pods = sandbox.list(PodControl.PODS);
        assertEquals(3, pods.size());
        pods.forEach(p -> assertEquals(hash(d), Labels.of(p).get("pod-template-hash")));
        assertEquals(List.of("ScalingReplicaSet: Scaled up replica set " + rs + " from 0 to 3"), sandbox.events("web"));
        JsonNode status = deployment().path("status");
        assertEquals("{\"observedGeneration\":1,\"replicas\":3,\"updatedReplicas\":3,\"readyReplicas\":3,"
                + "\"availableReplicas\":3}", withoutConditions(status));
        assertEquals("Available True MinimumReplicasAvailable Deployment has minimum availability.",
                describe(condition("Available")));
        assertEquals("Progressing True NewReplicaSetAvailable ReplicaSet \"" + rs + "\" has successfully progressed.",
                describe(condition("Progressing")));
        // The kubeadm CoreDNS Deployment's set is recognised as its new set: nothing of it changes.
        assertEquals(List.of(), sandbox.events("coredns"));
    }

    static String describe(JsonNode c) {
        return c.path("type").asText() + " " + c.path("status").asText() + " " + c.path("reason").asText() + " "
                + c.path("message").asText();
    }

    static String withoutConditions(JsonNode status) {
        ObjectNode copy = status.deepCopy();
        copy.remove("conditions");
        return copy.toString();
    }

    static String sorted(JsonNode node) {
        return new java.util.TreeMap<>(new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(node, java.util.Map.class)).toString().replace("=", "\":\"").replace(", ", "\",\"")
                .replace("{", "{\"").replace("}", "\"}");
    }

    /** Watches the Deployment's pods and remembers the extremes a rollout must stay within. */
    static final class Bounds {
        int maxActive;
        int minReady = Integer.MAX_VALUE;
        boolean mixed;

        Bounds(Sandbox sandbox) {
            Informer pods = new Informer(sandbox.cluster.api(), UserInfo.ADMIN, PodControl.PODS);
            pods.onChange(key -> {
                List<ObjectNode> active = pods.list().stream()
                        .filter(p -> "web".equals(Labels.of(p).get("app")) && PodConditions.active(p)).toList();
                maxActive = Math.max(maxActive, active.size());
                minReady = Math.min(minReady, (int) active.stream().filter(PodConditions::ready).count());
                mixed |= active.stream().map(p -> Labels.of(p).get("pod-template-hash")).distinct().count() > 1;
            });
        }
    }

    @Test
    void aRollingUpdateStaysWithinMaxSurgeAndMaxUnavailable() {
        sandbox.create(DeploymentController.DEPLOYMENTS, String.format(WEB, SURGE_1_UNAVAILABLE_0));
        sandbox.settle();
        Bounds bounds = new Bounds(sandbox);
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", image("nginx:1.27"));
        sandbox.settle();
        assertTrue(bounds.maxActive <= 4, "at most 3 + maxSurge pods, saw " + bounds.maxActive);
        assertEquals(3, bounds.minReady, "never below 3 - maxUnavailable ready pods");
        List<ObjectNode> sets = sets();
        assertEquals(2, sets.size());
        String old = ObjectMeta.name(sets.get(0));
        String now = ObjectMeta.name(sets.get(1));
        assertEquals("1", sets.get(0).path("metadata").path("annotations").path(RevisionAnnotations.REVISION).asText());
        assertEquals("2", sets.get(1).path("metadata").path("annotations").path(RevisionAnnotations.REVISION).asText());
        assertEquals(0, sets.get(0).path("spec").path("replicas").asInt());
        assertEquals(List.of(
                "ScalingReplicaSet: Scaled up replica set " + old + " from 0 to 3",
                "ScalingReplicaSet: Scaled up replica set " + now + " from 0 to 1",
                "ScalingReplicaSet: Scaled down replica set " + old + " from 3 to 2",
                "ScalingReplicaSet: Scaled up replica set " + now + " from 1 to 2",
                "ScalingReplicaSet: Scaled down replica set " + old + " from 2 to 1",
                "ScalingReplicaSet: Scaled up replica set " + now + " from 2 to 3",
                "ScalingReplicaSet: Scaled down replica set " + old + " from 1 to 0"), sandbox.events("web"));
        assertEquals("{\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":3,\"readyReplicas\":3,"
                + "\"availableReplicas\":3}", withoutConditions(deployment().path("status")));
        assertEquals("Progressing True NewReplicaSetAvailable ReplicaSet \"" + now + "\" has successfully progressed.",
                describe(condition("Progressing")));

        // kubectl rollout undo puts the old template back: the old set is the new one again, at revision 3.
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", image("nginx:1.25"));
        sandbox.settle();
        sets = sets();
        assertEquals(2, sets.size());
        ObjectNode first = sandbox.get(ReplicaSetController.REPLICA_SETS, old);
        assertEquals("3", first.path("metadata").path("annotations").path(RevisionAnnotations.REVISION).asText());
        assertEquals("1", first.path("metadata").path("annotations").path(RevisionAnnotations.REVISION_HISTORY).asText());
        assertEquals(3, first.path("spec").path("replicas").asInt());
        assertEquals(0, sandbox.get(ReplicaSetController.REPLICA_SETS, now).path("spec").path("replicas").asInt());
    }

    @Test
    void aRolloutWhosePodsNeverBecomeReadyTimesOutAfterItsDeadline() {
        sandbox.kubelets.neverReady("nginx:broken");
        sandbox.create(DeploymentController.DEPLOYMENTS, String.format(WEB, SURGE_1_UNAVAILABLE_0
                + "'progressDeadlineSeconds':60,"));
        sandbox.settle();
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", image("nginx:broken"));
        Duration settled = sandbox.settle();
        assertTrue(settled.compareTo(Duration.ofSeconds(10)) < 0, "the deadline is not work to wait for: " + settled);
        List<ObjectNode> sets = sets();
        String now = ObjectMeta.name(sets.get(1));
        assertEquals(3, sets.get(0).path("status").path("availableReplicas").asInt());
        assertEquals(1, sets.get(1).path("spec").path("replicas").asInt());
        assertEquals("Progressing True ReplicaSetUpdated ReplicaSet \"" + now + "\" is progressing.",
                describe(condition("Progressing")));

        // Scaling during the stalled rollout is proportional: 7 allowed (6 + maxSurge), 4 there, 3 to add.
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", "{'spec':{'replicas':6}}");
        sandbox.settle();
        assertEquals(5, sandbox.get(ReplicaSetController.REPLICA_SETS, ObjectMeta.name(sets.get(0)))
                .path("spec").path("replicas").asInt());
        assertEquals(2, sandbox.get(ReplicaSetController.REPLICA_SETS, now).path("spec").path("replicas").asInt());

        sandbox.cluster.clock().advance(Duration.ofSeconds(61));
        assertEquals("Progressing False ProgressDeadlineExceeded ReplicaSet \"" + now + "\" has timed out progressing.",
                describe(condition("Progressing")));
        // 5 of 6 available with maxUnavailable 0: below the minimum.
        assertEquals("Available False MinimumReplicasUnavailable Deployment does not have minimum availability.",
                describe(condition("Available")));
    }

    @Test
    void recreateRemovesEveryOldPodBeforeTheNewOnesStart() {
        sandbox.create(DeploymentController.DEPLOYMENTS, String.format(WEB, "'strategy':{'type':'Recreate'},"));
        sandbox.settle();
        Bounds bounds = new Bounds(sandbox);
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", image("nginx:1.27"));
        sandbox.settle();
        List<ObjectNode> sets = sets();
        String old = ObjectMeta.name(sets.get(0));
        String now = ObjectMeta.name(sets.get(1));
        assertEquals(false, bounds.mixed, "old and new pods never run together");
        assertEquals(List.of(
                "ScalingReplicaSet: Scaled up replica set " + old + " from 0 to 3",
                "ScalingReplicaSet: Scaled down replica set " + old + " from 3 to 0",
                "ScalingReplicaSet: Scaled up replica set " + now + " from 0 to 3"), sandbox.events("web"));
        assertEquals(3, deployment().path("status").path("availableReplicas").asInt());
    }

    @Test
    void aPausedDeploymentScalesButDoesNotRollOut() {
        sandbox.create(DeploymentController.DEPLOYMENTS, String.format(WEB, ""));
        sandbox.settle();
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", "{'spec':{'paused':true}}");
        sandbox.settle();
        assertEquals("Progressing Unknown DeploymentPaused Deployment is paused", describe(condition("Progressing")));
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", image("nginx:1.27"));
        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", "{'spec':{'replicas':5}}");
        sandbox.settle();
        assertEquals(1, sets().size());
        assertEquals(5, sets().get(0).path("spec").path("replicas").asInt());
        assertEquals(5, sandbox.list(PodControl.PODS).size());

        sandbox.patch(DeploymentController.DEPLOYMENTS, "web", "{'spec':{'paused':false}}");
        sandbox.settle();
        assertEquals(2, sets().size());
        assertEquals(5, sets().get(1).path("status").path("availableReplicas").asInt());
        assertEquals("Progressing True NewReplicaSetAvailable ReplicaSet \"" + ObjectMeta.name(sets().get(1))
                + "\" has successfully progressed.", describe(condition("Progressing")));
    }

    @Test
    void revisionHistoryLimitDeletesTheOldestEmptySets() {
        sandbox.create(DeploymentController.DEPLOYMENTS, String.format(WEB, "'revisionHistoryLimit':1,"));
        sandbox.settle();
        String first = ObjectMeta.name(sets().get(0));
        for (String image : List.of("nginx:1.26", "nginx:1.27")) {
            sandbox.patch(DeploymentController.DEPLOYMENTS, "web", image(image));
            sandbox.settle();
        }
        List<ObjectNode> sets = sets();
        assertEquals(2, sets.size());
        assertTrue(sets.stream().noneMatch(rs -> ObjectMeta.name(rs).equals(first)));
        assertEquals(List.of("2", "3"), sets.stream().map(rs -> rs.path("metadata").path("annotations")
                .path(RevisionAnnotations.REVISION).asText()).sorted().toList());
    }
}
