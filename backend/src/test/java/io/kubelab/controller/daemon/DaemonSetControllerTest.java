package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.PodConditions;
import io.kubelab.controller.history.ControllerRevisions;
import io.kubelab.controller.history.PlayedNodes;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaemonSetControllerTest {

    SimCluster cluster;
    PlayedNodes nodes;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 3);
        nodes = new PlayedNodes(cluster);
    }

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text);
    }

    void createDaemonSet(String templateSpecExtra) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, DaemonSetController.DAEMON_SETS, "default", "")
                .withBody(json("{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"fluentd\"},"
                        + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"fluentd\"}},\"template\":{\"metadata\":"
                        + "{\"labels\":{\"app\":\"fluentd\"}},\"spec\":{" + templateSpecExtra
                        + "\"containers\":[{\"name\":\"fluentd\",\"image\":\"fluentd:v1\"}]}}}}")));
    }

    ObjectNode daemonSet() {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, DaemonSetController.DAEMON_SETS, "default",
                "fluentd")).body();
    }

    TreeSet<String> placedNodes() {
        TreeSet<String> placed = new TreeSet<>();
        nodes.pods("default").forEach(p -> placed.add(p.path("spec").path("nodeName").asText()));
        return placed;
    }

    List<String> events(String namespace) {
        List<String> out = new ArrayList<>();
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ResourceTypes.of("v1", "Event"), namespace, ""))
                .body().path("items").forEach(e -> out.add(e.path("source").path("component").asText() + " "
                        + e.path("type").asText() + " " + e.path("reason").asText() + " " + e.path("message").asText()));
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|[node01, node02]",
            "'\"tolerations\":[{\"key\":\"node-role.kubernetes.io/control-plane\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}],'|[controlplane, node01, node02]",
            "'\"nodeSelector\":{\"kubernetes.io/hostname\":\"node02\"},'|[node02]",
            "'\"nodeSelector\":{\"disk\":\"ssd\"},'|[]",
    })
    void placesOnePodOnEveryEligibleNode(String extra, String expected) throws Exception {
        createDaemonSet(extra);
        nodes.converge("default");
        assertEquals(expected, placedNodes().toString());
        JsonNode status = daemonSet().path("status");
        int count = placedNodes().size();
        assertEquals(count, status.path("desiredNumberScheduled").asInt());
        assertEquals(count, status.path("currentNumberScheduled").asInt());
        assertEquals(count, status.path("numberReady").asInt());
        assertEquals(count, status.path("numberAvailable").asInt());
        assertEquals(count, status.path("updatedNumberScheduled").asInt());
        assertEquals(0, status.path("numberMisscheduled").asInt());
        assertEquals(1, status.path("observedGeneration").asInt());
    }

    @Test
    void podsArePinnedByAffinityLabelledAndTolerateNodeProblems() throws Exception {
        createDaemonSet("\"hostNetwork\":true,");
        nodes.settle();
        List<ObjectNode> pods = nodes.pods("default");
        assertEquals(2, pods.size());
        ObjectNode pod = pods.stream().filter(p -> p.toString().contains("\"node01\"")).findFirst().orElseThrow();
        assertEquals("fluentd-", pod.path("metadata").path("generateName").asText());
        String revision = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ControllerRevisions.TYPE,
                "default", "")).body().path("items").get(0).path("metadata").path("name").asText();
        assertEquals("{\"app\":\"fluentd\",\"pod-template-generation\":\"1\",\"controller-revision-hash\":\""
                + revision.substring("fluentd-".length()) + "\"}", pod.path("metadata").path("labels").toString());
        assertEquals("{\"nodeAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":{\"nodeSelectorTerms\":"
                + "[{\"matchFields\":[{\"key\":\"metadata.name\",\"operator\":\"In\",\"values\":[\"node01\"]}]}]}}}",
                pod.path("spec").path("affinity").toString());
        List<String> tolerations = new ArrayList<>();
        pod.path("spec").path("tolerations").forEach(t -> tolerations.add(t.path("key").asText() + ":" + t.path("effect").asText()));
        assertEquals(List.of("node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute",
                "node.kubernetes.io/disk-pressure:NoSchedule", "node.kubernetes.io/memory-pressure:NoSchedule",
                "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule",
                "node.kubernetes.io/network-unavailable:NoSchedule"), tolerations);
        assertEquals("DaemonSet", pod.path("metadata").path("ownerReferences").get(0).path("kind").asText());
        List<String> expected = new ArrayList<>();
        for (ObjectNode p : pods) {
            expected.add("daemonset-controller Normal SuccessfulCreate Created pod: " + ObjectMeta.name(p));
        }
        assertEquals(new TreeSet<>(expected), new TreeSet<>(events("default")));
    }

    @Test
    void aRollingUpdateReplacesOneNodeAtATime() throws Exception {
        createDaemonSet("");
        nodes.converge("default");
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, DaemonSetController.DAEMON_SETS, "default", "fluentd")
                .withPatch(ApiRequest.PatchType.STRATEGIC, json("{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                        + "[{\"name\":\"fluentd\",\"image\":\"fluentd:v2\"}]}}}}")));
        List<String> timeline = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nodes.settle();
            int ready = 0;
            int updated = 0;
            for (ObjectNode pod : nodes.pods("default")) {
                if (!ObjectMeta.deleting(pod) && PodConditions.ready(pod)) {
                    ready++;
                }
                if (pod.toString().contains("fluentd:v2")) {
                    updated++;
                }
            }
            timeline.add(ready + "/" + updated);
            if (updated == 2 && ready == 2) {
                break;
            }
            nodes.step("default");
        }
        // Never more than one node without a ready pod; the nodes are done one after the other.
        assertEquals(List.of("1/0", "1/1", "1/1", "1/1", "1/2", "1/2", "2/2"), timeline);
        assertEquals(2, cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ControllerRevisions.TYPE,
                "default", "")).body().path("items").size());
        assertEquals(2, daemonSet().path("status").path("updatedNumberScheduled").asInt());
        assertEquals("2", daemonSet().path("metadata").path("annotations")
                .path("deprecated.daemonset.template.generation").asText());
    }

    @Test
    void theBootstrapKubeProxyIsAdoptedAsItIs() {
        List<String> before = new ArrayList<>();
        nodes.pods("kube-system").stream().filter(p -> ObjectMeta.name(p).startsWith("kube-proxy-"))
                .forEach(p -> before.add(ObjectMeta.name(p) + "@" + ObjectMeta.uid(p)));
        JsonNode status = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, DaemonSetController.DAEMON_SETS,
                "kube-system", "kube-proxy")).body().path("status");
        nodes.settle();
        List<String> after = new ArrayList<>();
        nodes.pods("kube-system").stream().filter(p -> ObjectMeta.name(p).startsWith("kube-proxy-"))
                .forEach(p -> after.add(ObjectMeta.name(p) + "@" + ObjectMeta.uid(p)));
        assertEquals(3, after.size());
        assertEquals(before, after);
        assertTrue(events("kube-system").stream().noneMatch(e -> e.startsWith("daemonset-controller")));
        JsonNode now = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, DaemonSetController.DAEMON_SETS,
                "kube-system", "kube-proxy")).body().path("status");
        assertEquals(3, now.path("desiredNumberScheduled").asInt());
        assertEquals(3, now.path("updatedNumberScheduled").asInt());
        assertEquals(status.path("numberReady"), now.path("numberReady"));
        JsonNode revisions = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ControllerRevisions.TYPE,
                "kube-system", "")).body().path("items");
        assertEquals(1, revisions.size(), "the bootstrap's revision is recognised, not replaced");
        assertEquals("kube-proxy-" + now.path("x").asText(""), revisions.get(0).path("metadata").path("name").asText()
                .replaceAll("-[a-z0-9]+$", "-"));
    }
}
