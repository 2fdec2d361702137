package io.kubelab.controller.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.PlayedComponents;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plays the scheduler and the kubelets that do not exist yet: binds a pending pod to the node its affinity
 * names (else {@code node01}), marks bound pods Running and Ready through the status subresource, and
 * finishes deletions with grace 0. Pods in {@code default}/test namespaces only; kube-system is left alone.
 */
public final class PlayedNodes {

    public static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    private final SimCluster cluster;

    /** Plays the scheduler and the kubelets itself, so the cluster's own are stopped. */
    public PlayedNodes(SimCluster cluster) {
        this.cluster = cluster;
        cluster.stop("scheduler");
        PlayedComponents.kubeletsPlayedByTest(cluster);
    }

    public void settle() {
        assertTrue(cluster.clock().settle(cluster::stable, Duration.ofMinutes(5)).stable());
    }

    public List<ObjectNode> pods(String namespace) {
        ObjectNode list = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, PODS, namespace, "")).body();
        List<ObjectNode> pods = new ArrayList<>();
        list.path("items").forEach(p -> pods.add((ObjectNode) p));
        return pods;
    }

    /** One round: every pod moves one step (bound → running and ready; deleting → gone). */
    public void step(String namespace) {
        for (ObjectNode pod : pods(namespace)) {
            String name = ObjectMeta.name(pod);
            if (ObjectMeta.deleting(pod)) {
                try {
                    PlayedComponents.deleteNow(cluster.api(), namespace, name);
                } catch (io.kubelab.apiserver.StatusException e) {
                    // already gone
                }
            } else if (pod.path("spec").path("nodeName").asText("").isEmpty()) {
                PlayedComponents.bind(cluster.api(), namespace, name, pinnedNode(pod));
            } else if (!pod.path("status").path("phase").asText().equals("Running")) {
                ObjectNode running = pod.deepCopy();
                running.put("apiVersion", "v1").put("kind", "Pod");
                String now = ObjectMeta.time(cluster.clock().now());
                ObjectNode status = running.with("status");
                status.put("phase", "Running").put("podIP", "10.244.1.10").put("startTime", now);
                var conditions = status.putArray("conditions");
                for (String type : new String[]{"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
                    conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", now)
                            .putNull("lastProbeTime");
                }
                cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, PODS, namespace, name)
                        .withSubresource("status").withBody(running));
            }
        }
    }

    /** Runs controllers and played nodes until nothing changes. */
    public void converge(String namespace) {
        for (int i = 0; i < 50; i++) {
            settle();
            String before = pods(namespace).toString();
            step(namespace);
            settle();
            if (pods(namespace).toString().equals(before)) {
                return;
            }
        }
        throw new AssertionError("did not converge");
    }

    static String pinnedNode(JsonNode pod) {
        for (JsonNode term : pod.path("spec").path("affinity").path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms")) {
            for (JsonNode field : term.path("matchFields")) {
                return field.path("values").get(0).asText();
            }
        }
        return "node01";
    }
}
