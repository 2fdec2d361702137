package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.PlayedComponents;
import io.kubelab.controller.Informer;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The scheduler and kubelets this wave has not got yet, played for tests: a second after a pod appears it
 * is bound to node01 or node02 (alternately), a second later it runs and is Ready (unless its image is
 * marked never-ready), and a pod being deleted is gone a second later, as a grace period of 0 makes it.
 */
public final class PlayedKubelets {

    private final ApiServer api;
    private final SimClock clock;
    private final Set<String> neverReady = new HashSet<>();
    private final Set<String> scheduled = new HashSet<>();
    private int next;

    public PlayedKubelets(ApiServer api, SimClock clock) {
        this.api = api;
        this.clock = clock;
        Informer pods = new Informer(api, UserInfo.ADMIN, PodControl.PODS);
        pods.onChange(key -> {
            if (key.startsWith("kube-system/") || !scheduled.add(key + "@" + clock.now())) {
                return;
            }
            clock.schedule(Duration.ofSeconds(1), () -> step(key));
        });
    }

    /** Pods running {@code image} start but never pass their readiness probe. */
    public void neverReady(String image) {
        neverReady.add(image);
    }

    private void step(String key) {
        String namespace = key.substring(0, key.indexOf('/'));
        String name = key.substring(key.indexOf('/') + 1);
        ObjectNode pod;
        try {
            pod = api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, PodControl.PODS, namespace, name)).body();
            if (ObjectMeta.deleting(pod)) {
                PlayedComponents.deleteNow(api, namespace, name);
            } else if (pod.path("spec").path("nodeName").asText("").isEmpty()) {
                PlayedComponents.bind(api, namespace, name, next++ % 2 == 0 ? "node01" : "node02");
            } else if (!pod.path("status").path("phase").asText().equals("Running")) {
                pod.set("status", running(pod));
                api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.UPDATE, PodControl.PODS, namespace, name)
                        .withSubresource("status").withBody(pod));
            }
        } catch (StatusException e) {
            // The pod went away in the meantime: nothing to play.
        }
    }

    private ObjectNode running(ObjectNode pod) {
        String time = ObjectMeta.time(clock.now());
        boolean ready = true;
        for (JsonNode container : pod.path("spec").path("containers")) {
            ready &= !neverReady.contains(container.path("image").asText());
        }
        ObjectNode status = pod.path("status").deepCopy();
        status.put("phase", "Running");
        ArrayNode conditions = status.putArray("conditions");
        for (String type : new String[]{"Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
            boolean value = ready || type.equals("Initialized") || type.equals("PodScheduled");
            conditions.addObject().putNull("lastProbeTime").put("lastTransitionTime", time)
                    .put("status", value ? "True" : "False").put("type", type);
        }
        status.put("startTime", time);
        return status;
    }
}
