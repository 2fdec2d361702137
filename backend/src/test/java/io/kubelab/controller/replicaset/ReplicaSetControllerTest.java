package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.kubelab.controller.replicaset.Sandbox.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaSetControllerTest {

    static final String WEB = "{'apiVersion':'apps/v1','kind':'ReplicaSet','metadata':{'name':'web'},'spec':{'replicas':%d,%s"
            + "'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},"
            + "'spec':{'containers':[{'name':'nginx','image':'nginx:1.25'}]}}}}";

    final Sandbox sandbox = new Sandbox();

    List<ObjectNode> pods() {
        List<ObjectNode> out = new ArrayList<>(sandbox.list(PodControl.PODS));
        out.sort(java.util.Comparator.comparing(p -> p.path("metadata").path("creationTimestamp").asText()
                + ObjectMeta.name(p)));
        return out;
    }

    List<String> names(List<ObjectNode> pods) {
        return pods.stream().map(ObjectMeta::name).toList();
    }

    @Test
    void scalesUpInSlowStartAndDownInRankingOrderWithExactEvents() {
        sandbox.create(ReplicaSetController.REPLICA_SETS, String.format(WEB, 3, ""));
        sandbox.settle();
        List<ObjectNode> pods = pods();
        assertEquals(3, pods.size());
        List<String> expected = new ArrayList<>();
        for (ObjectNode pod : pods) {
            assertTrue(ObjectMeta.name(pod).matches("web-[a-z0-9]{5}"), ObjectMeta.name(pod));
            assertEquals("web", pod.path("metadata").path("generateName").asText().replace("-", ""));
            JsonNode ref = pod.path("metadata").path("ownerReferences").get(0);
            assertEquals("{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"web\",\"uid\":\""
                    + ObjectMeta.uid(sandbox.get(ReplicaSetController.REPLICA_SETS, "web"))
                    + "\",\"controller\":true,\"blockOwnerDeletion\":true}", ref.toString());
        }
        sandbox.events("web").forEach(e -> expected.add(e));
        assertEquals(List.of("SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate"),
                expected.stream().map(e -> e.substring(0, e.indexOf(':'))).toList());
        assertEquals(names(pods).stream().map(n -> "SuccessfulCreate: Created pod: " + n).sorted().toList(),
                expected.stream().sorted().toList());
        assertEquals(json("{'replicas':3,'fullyLabeledReplicas':3,'readyReplicas':3,'availableReplicas':3,"
                + "'observedGeneration':1}"), sandbox.get(ReplicaSetController.REPLICA_SETS, "web").path("status"));

        sandbox.patch(ReplicaSetController.REPLICA_SETS, "web", "{'spec':{'replicas':1}}");
        sandbox.settle();
        List<ObjectNode> left = pods();
        assertEquals(1, left.size());
        // Two pods share node01: doubled-up pods go first.
        assertEquals("node02", left.get(0).path("spec").path("nodeName").asText());
        List<String> deleted = new ArrayList<>(names(pods));
        deleted.removeAll(names(left));
        List<String> events = sandbox.events("web");
        assertEquals(deleted.stream().map(n -> "SuccessfulDelete: Deleted pod: " + n).sorted().toList(),
                events.subList(3, 5).stream().sorted().toList());
        assertEquals(json("{'replicas':1,'fullyLabeledReplicas':1,'readyReplicas':1,'availableReplicas':1,"
                + "'observedGeneration':2}"), sandbox.get(ReplicaSetController.REPLICA_SETS, "web").path("status"));
    }

    @Test
    void adoptsMatchingOrphansAndReleasesPodsThatNoLongerMatch() {
        sandbox.create(PodControl.PODS, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'orphan','labels':{'app':'web'}},"
                + "'spec':{'containers':[{'name':'nginx','image':'nginx:1.25'}]}}");
        sandbox.settle();
        ObjectNode rs = sandbox.create(ReplicaSetController.REPLICA_SETS, String.format(WEB, 2, ""));
        sandbox.settle();
        assertEquals(2, pods().size());
        JsonNode ref = sandbox.get(PodControl.PODS, "orphan").path("metadata").path("ownerReferences");
        assertEquals("[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"web\",\"uid\":\""
                + ObjectMeta.uid(rs) + "\",\"controller\":true,\"blockOwnerDeletion\":true}]", ref.toString());
        assertEquals(1, sandbox.events("web").size());

        sandbox.patch(PodControl.PODS, "orphan", "{'metadata':{'labels':{'app':'debug'}}}");
        sandbox.settle();
        assertFalse(sandbox.get(PodControl.PODS, "orphan").path("metadata").has("ownerReferences"));
        assertEquals(3, pods().size());
        assertEquals(2, sandbox.get(ReplicaSetController.REPLICA_SETS, "web").path("status").path("replicas").asInt());
    }

    @Test
    void aQuotaRefusalIsAFailedCreateAndAReplicaFailureCondition() {
        sandbox.create(ResourceTypes.of("v1", "ResourceQuota"),
                "{'apiVersion':'v1','kind':'ResourceQuota','metadata':{'name':'pods'},'spec':{'hard':{'pods':'2'}}}");
        sandbox.create(ReplicaSetController.REPLICA_SETS, String.format(WEB, 4, ""));
        // The refused create is retried in the background: settling does not wait for a quota to change.
        Duration settled = sandbox.settle();
        // Bound at 1s, Running at 2s, the played kubelet's last look at 3s; no wait for the quota retry.
        assertEquals(Duration.ofSeconds(3), settled);
        assertEquals(2, pods().size());
        List<String> events = sandbox.events("web");
        // Slow start: a batch of 1, then a batch of 2 of which one is refused; the fourth is never tried.
        assertEquals(List.of("SuccessfulCreate", "SuccessfulCreate", "FailedCreate"),
                events.subList(0, 3).stream().map(e -> e.substring(0, e.indexOf(':'))).toList(), events.toString());
        String failed = events.get(2);
        assertTrue(failed.matches("FailedCreate: Error creating: pods \"web-[a-z0-9]{5}\" is forbidden: exceeded quota: "
                + "pods, requested: pods=1, used: pods=2, limited: pods=2"), failed);
        JsonNode condition = sandbox.get(ReplicaSetController.REPLICA_SETS, "web").path("status").path("conditions").get(0);
        assertEquals("ReplicaFailure", condition.path("type").asText());
        assertEquals("True", condition.path("status").asText());
        assertEquals("FailedCreate", condition.path("reason").asText());
        assertEquals(failed.substring("FailedCreate: Error creating: ".length()), condition.path("message").asText());
    }

    @Test
    void minReadySecondsDelaysAvailability() {
        sandbox.create(ReplicaSetController.REPLICA_SETS, String.format(WEB, 1, "'minReadySeconds':10,"));
        sandbox.cluster.clock().advance(Duration.ofSeconds(5));
        JsonNode status = sandbox.get(ReplicaSetController.REPLICA_SETS, "web").path("status");
        assertEquals(1, status.path("readyReplicas").asInt());
        assertFalse(status.has("availableReplicas"));
        sandbox.settle();
        status = sandbox.get(ReplicaSetController.REPLICA_SETS, "web").path("status");
        assertEquals(1, status.path("availableReplicas").asInt());
        // Ready at 2s, available strictly after 12s.
        assertTrue(sandbox.cluster.clock().now().isAfter(Sandbox.T0.plusSeconds(12)));
    }
}
