package io.kubelab.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A bootstrapped cluster on a manual clock with a pod {@code default/nginx} to record events about. */
final class RecordFixture {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    final SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), 42);
    final ApiServer api = cluster.api();
    final SimClock clock = cluster.clock();
    final ObjectNode pod;

    RecordFixture() {
        // Only the recorders under test write events: the components that would record their own stand still.
        cluster.stop("scheduler");
        io.kubelab.cluster.PlayedComponents.kubeletsPlayedByTest(cluster);
        cluster.stop("controller-manager");
        pod = api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("v1", "Pod"),
                "default", "").withBody(json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"nginx\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx\"}]}}"))).body();
    }

    EventSink sink(String user) {
        return new EventSink(api, UserInfo.component(user), clock, new SplittableRandom(7));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    String podUid() {
        return pod.path("metadata").path("uid").asText();
    }

    String podResourceVersion() {
        return pod.path("metadata").path("resourceVersion").asText();
    }

    List<ObjectNode> events(String apiVersion, String namespace) {
        ObjectNode list = api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.LIST,
                ResourceTypes.of(apiVersion, "Event"), namespace, "")).body();
        List<ObjectNode> out = new ArrayList<>();
        list.path("items").forEach(i -> out.add((ObjectNode) i));
        return out;
    }

    /** The event without the fields the API server adds (uid, resourceVersion, creationTimestamp, ...). */
    static ObjectNode asSent(ObjectNode stored) {
        ObjectNode copy = stored.deepCopy();
        ObjectNode meta = (ObjectNode) copy.get("metadata");
        meta.retain("name", "namespace", "annotations");
        copy.remove("kind");
        copy.remove("apiVersion");
        return copy;
    }
}
