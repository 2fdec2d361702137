package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.kubelab.cluster.ApiServerPipelineTest.NGINX;
import static io.kubelab.cluster.ApiServerPipelineTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subresources, access reviews, impersonation, watches and collections through the API server. */
class ApiServerSubresourcesTest {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType DEPLOYMENTS = ResourceTypes.of("apps/v1", "Deployment");
    static final String WEB = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":"
            + "{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx\"}]}}}}";

    ApiServer api;

    @BeforeEach
    void setUp() {
        api = BootstrapTest.cluster().api();
    }

    ObjectNode call(ApiRequest request) {
        return api.handle(request).body();
    }

    ApiRequest request(Verb verb, ResourceType type, String namespace, String name) {
        return ApiRequest.of(UserInfo.ADMIN, verb, type, namespace, name);
    }

    @Test
    void scaleReadsAndWritesReplicas() {
        call(request(Verb.CREATE, DEPLOYMENTS, "default", "").withBody(json(WEB)));
        ObjectNode scale = call(request(Verb.GET, DEPLOYMENTS, "default", "web").withSubresource("scale"));
        assertEquals("Scale", scale.path("kind").asText());
        assertEquals("autoscaling/v1", scale.path("apiVersion").asText());
        assertEquals(2, scale.path("spec").path("replicas").asInt());
        assertEquals("app=web", scale.path("status").path("selector").asText());
        ObjectNode scaled = call(request(Verb.PATCH, DEPLOYMENTS, "default", "web").withSubresource("scale")
                .withPatch(ApiRequest.PatchType.MERGE, json("{\"spec\":{\"replicas\":5}}")));
        assertEquals(5, scaled.path("spec").path("replicas").asInt());
        ObjectNode deployment = call(request(Verb.GET, DEPLOYMENTS, "default", "web"));
        assertEquals(5, deployment.path("spec").path("replicas").asInt());
        assertEquals(2, deployment.path("metadata").path("generation").asInt());
        StatusException negative = assertThrows(StatusException.class, () -> call(request(Verb.PATCH, DEPLOYMENTS,
                "default", "web").withSubresource("scale").withPatch(ApiRequest.PatchType.MERGE,
                json("{\"spec\":{\"replicas\":-1}}"))));
        assertEquals("Scale.autoscaling \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than "
                + "or equal to 0", negative.getMessage());
    }

    @Test
    void bindingPlacesAPodOnce() {
        call(request(Verb.CREATE, PODS, "default", "").withBody(json(NGINX)));
        ObjectNode binding = json("{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"nginx\"},"
                + "\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\"node01\"}}");
        assertEquals(201, api.handle(request(Verb.CREATE, PODS, "default", "nginx").withSubresource("binding")
                .withBody(binding)).code());
        ObjectNode pod = call(request(Verb.GET, PODS, "default", "nginx"));
        assertEquals("node01", pod.path("spec").path("nodeName").asText());
        assertEquals("PodScheduled", pod.path("status").path("conditions").get(0).path("type").asText());
        StatusException again = assertThrows(StatusException.class, () -> call(request(Verb.CREATE, PODS, "default",
                "nginx").withSubresource("binding").withBody(binding)));
        assertEquals("Operation cannot be fulfilled on pods/binding \"nginx\": pod nginx is already assigned to node "
                + "\"node01\"", again.getMessage());
    }

    @Test
    void evictionRespectsDisruptionBudgets() {
        call(request(Verb.CREATE, PODS, "default", "").withBody(json(NGINX.replace("\"name\":\"nginx\"}",
                "\"name\":\"nginx\",\"labels\":{\"app\":\"web\"}}").replace("\"spec\":{", "\"spec\":{\"nodeName\":\"node01\","))));
        ObjectNode running = call(request(Verb.GET, PODS, "default", "nginx"));
        running.with("status").put("phase", "Running");
        call(request(Verb.UPDATE, PODS, "default", "nginx").withSubresource("status").withBody(running));
        ResourceType pdbs = ResourceTypes.of("policy/v1", "PodDisruptionBudget");
        call(request(Verb.CREATE, pdbs, "default", "").withBody(json("{\"apiVersion\":\"policy/v1\",\"kind\":"
                + "\"PodDisruptionBudget\",\"metadata\":{\"name\":\"web-pdb\"},\"spec\":{\"minAvailable\":1,"
                + "\"selector\":{\"matchLabels\":{\"app\":\"web\"}}}}")));
        ObjectNode eviction = json("{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"nginx\"}}");
        StatusException refused = assertThrows(StatusException.class, () -> call(request(Verb.CREATE, PODS, "default",
                "nginx").withSubresource("eviction").withBody(eviction)));
        assertEquals(429, refused.status().code());
        assertEquals("Cannot evict pod as it would violate the pod's disruption budget.", refused.getMessage());
        assertEquals("The disruption budget web-pdb is still being processed by the server.",
                refused.status().details().orElseThrow().causes().get(0).message(), "no disruption controller has seen it");
        ObjectNode pdb = call(request(Verb.GET, pdbs, "default", "web-pdb"));
        pdb.putObject("status").put("observedGeneration", 1).put("currentHealthy", 1).put("desiredHealthy", 1)
                .put("disruptionsAllowed", 0).put("expectedPods", 1);
        call(request(Verb.UPDATE, pdbs, "default", "web-pdb").withSubresource("status").withBody(pdb));
        running = call(request(Verb.GET, PODS, "default", "nginx"));
        running.with("status").putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        call(request(Verb.UPDATE, PODS, "default", "nginx").withSubresource("status").withBody(running));
        StatusException blocked = assertThrows(StatusException.class, () -> call(request(Verb.CREATE, PODS, "default",
                "nginx").withSubresource("eviction").withBody(eviction)));
        assertEquals("The disruption budget web-pdb needs 1 healthy pods and has 1 currently",
                blocked.status().details().orElseThrow().causes().get(0).message());
        assertEquals(400, assertThrows(StatusException.class, () -> call(request(Verb.CREATE, PODS, "default", "nginx")
                .withSubresource("eviction").withBody(json("{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\","
                        + "\"metadata\":{\"name\":\"other\"}}")))).status().code());
    }

    @Test
    void canIAndWhoAmI() {
        ResourceType ssar = ResourceTypes.byGroupResource("authorization.k8s.io", "selfsubjectaccessreviews").orElseThrow();
        ObjectNode question = json("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                + "\"spec\":{\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"create\",\"resource\":\"pods\"}}}");
        ObjectNode answer = call(request(Verb.CREATE, ssar, "", "").withBody(question));
        assertTrue(answer.path("status").path("allowed").asBoolean());
        UserInfo robot = api.impersonate(UserInfo.ADMIN, "system:serviceaccount:default:robot", List.of());
        assertFalse(call(ApiRequest.of(robot, Verb.CREATE, ssar, "", "").withBody(question))
                .path("status").path("allowed").asBoolean());
        ResourceType sar = ResourceTypes.byGroupResource("authorization.k8s.io", "subjectaccessreviews").orElseThrow();
        assertEquals("SubjectAccessReview.authorization.k8s.io \"\" is invalid: [spec.nonResourceAttributes: Invalid "
                + "value: authorization.NonResourceAttributes{Path:\"/healthz\", Verb:\"get\"}: cannot be specified in "
                + "combination with resourceAttributes, spec.user: Invalid value: \"\": at least one of user or group "
                + "must be specified]", assertThrows(StatusException.class, () -> call(request(Verb.CREATE, sar, "", "")
                .withBody(json("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SubjectAccessReview\",\"spec\":"
                        + "{\"resourceAttributes\":{\"verb\":\"get\",\"resource\":\"pods\"},\"nonResourceAttributes\":"
                        + "{\"path\":\"/healthz\",\"verb\":\"get\"}}}")))).getMessage());
        ResourceType whoami = ResourceTypes.byGroupResource("authentication.k8s.io", "selfsubjectreviews").orElseThrow();
        ObjectNode me = call(ApiRequest.of(robot, Verb.CREATE, whoami, "", "").withBody(json(
                "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}")));
        assertEquals("system:serviceaccount:default:robot", me.path("status").path("userInfo").path("username").asText());
        StatusException cannot = assertThrows(StatusException.class, () -> api.impersonate(robot, "jane", List.of()));
        assertEquals("users \"jane\" is forbidden: User \"system:serviceaccount:default:robot\" cannot impersonate "
                + "resource \"users\" in API group \"\" at the cluster scope", cannot.getMessage());
    }

    @Test
    void watchesSeeChangesAndCollectionsDelete() {
        List<WatchEvent> seen = new ArrayList<>();
        ObjectNode list = call(request(Verb.LIST, PODS, "default", ""));
        Store.Watch watch = api.watch(request(Verb.WATCH, PODS, "default", "")
                .withOptions(RequestOptions.DEFAULT.withResourceVersion(
                        list.path("metadata").path("resourceVersion").asText(), false)), seen::add);
        call(request(Verb.CREATE, PODS, "default", "").withBody(json(NGINX)));
        call(request(Verb.CREATE, PODS, "default", "").withBody(json(NGINX.replace("\"name\":\"nginx\"}",
                "\"name\":\"two\"}"))));
        ObjectNode deleted = call(request(Verb.DELETECOLLECTION, PODS, "default", ""));
        assertEquals(2, deleted.path("items").size());
        assertEquals(List.of("ADDED", "ADDED", "DELETED", "DELETED"), seen.stream().map(e -> e.type().name()).toList());
        watch.stop();
        assertEquals(0, call(request(Verb.LIST, PODS, "default", "")).path("items").size());
    }

    @Test
    void bothEventApisServeTheSameEvents() {
        ResourceType v1 = ResourceTypes.of("events.k8s.io/v1", "Event");
        ResourceType core = ResourceTypes.of("v1", "Event");
        call(request(Verb.CREATE, v1, "default", "").withBody(json("{\"apiVersion\":\"events.k8s.io/v1\",\"kind\":"
                + "\"Event\",\"metadata\":{\"name\":\"nginx.1\"},\"eventTime\":\"2026-11-25T10:00:00.000000Z\","
                + "\"reportingController\":\"default-scheduler\",\"reportingInstance\":\"default-scheduler-controlplane\","
                + "\"action\":\"Binding\",\"reason\":\"Scheduled\",\"regarding\":{\"kind\":\"Pod\",\"namespace\":"
                + "\"default\",\"name\":\"nginx\"},\"note\":\"Successfully assigned default/nginx to node01\","
                + "\"type\":\"Normal\"}")));
        ObjectNode asCore = call(request(Verb.GET, core, "default", "nginx.1"));
        assertEquals("Successfully assigned default/nginx to node01", asCore.path("message").asText());
        assertEquals("nginx", asCore.path("involvedObject").path("name").asText());
        ObjectNode list = call(request(Verb.LIST, v1, "default", ""));
        assertEquals("EventList", list.path("kind").asText());
        assertEquals("events.k8s.io/v1", list.path("apiVersion").asText());
        assertEquals("Scheduled", list.path("items").get(0).path("reason").asText());
        assertEquals("nginx", list.path("items").get(0).path("regarding").path("name").asText());
        ObjectNode selected = call(request(Verb.LIST, core, "default", "").withOptions(RequestOptions.DEFAULT
                .withSelectors("", "involvedObject.name=nginx,reason=Scheduled")));
        assertEquals(1, selected.path("items").size());
        ObjectNode byRegarding = call(request(Verb.LIST, v1, "default", "").withOptions(RequestOptions.DEFAULT
                .withSelectors("", "regarding.name=nginx,reportingController=default-scheduler")));
        assertEquals(1, byRegarding.path("items").size(), "events.k8s.io field labels map onto the core fields");
        assertEquals(1, call(request(Verb.LIST, v1, "default", "").withOptions(RequestOptions.DEFAULT
                .withSelectors("", "regarding.name=nginx")))
                .path("items").size());
        StatusException invalid = assertThrows(StatusException.class, () -> call(request(Verb.CREATE, v1, "default", "")
                .withBody(json("{\"apiVersion\":\"events.k8s.io/v1\",\"kind\":\"Event\",\"metadata\":{\"name\":"
                        + "\"bad\"},\"regarding\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"nginx\"},"
                        + "\"type\":\"Info\"}"))));
        assertEquals(422, invalid.status().code());
        assertTrue(invalid.getMessage().startsWith("Event.events.k8s.io \"bad\" is invalid: "), invalid.getMessage());
        assertEquals("events.events.k8s.io \"nope\" not found", assertThrows(StatusException.class,
                () -> call(request(Verb.GET, v1, "default", "nope"))).getMessage());
    }

    @Test
    void aWatchFromACompactedRevisionIsGone() {
        long before = api.store().revision();
        call(request(Verb.CREATE, PODS, "default", "").withBody(json(NGINX)));
        call(request(Verb.CREATE, PODS, "default", "").withBody(json(NGINX.replace("\"name\":\"nginx\"}",
                "\"name\":\"two\"}"))));
        api.store().compact(api.store().revision());
        StatusException gone = assertThrows(StatusException.class, () -> api.watch(request(Verb.WATCH, PODS,
                "default", "").withOptions(RequestOptions.DEFAULT.withResourceVersion(Long.toString(before), false)),
                e -> { }));
        assertEquals(410, gone.status().code());
        assertEquals("Expired", gone.status().reason());
        assertEquals("too old resource version: " + before + " (" + api.store().revision() + ")", gone.getMessage());
    }

    @Test
    void anObjectOverTheSizeLimitIsRefusedWhole() {
        String big = "x".repeat(1_600_000);
        StatusException tooLarge = assertThrows(StatusException.class, () -> call(request(Verb.CREATE,
                ResourceTypes.of("v1", "ConfigMap"), "default", "").withBody(json("{\"apiVersion\":\"v1\",\"kind\":"
                + "\"ConfigMap\",\"metadata\":{\"name\":\"big\",\"annotations\":{\"a\":\"b\"}},\"data\":{\"k\":\"" + big + "\"}}"))));
        assertTrue(tooLarge.status().code() == 413 || tooLarge.status().code() == 422, tooLarge.getMessage());
        assertThrows(StatusException.class, () -> call(request(Verb.GET, ResourceTypes.of("v1", "ConfigMap"),
                "default", "big")));
    }
}
