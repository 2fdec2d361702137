package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.kubelab.cluster.ApiServerPipelineTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each admission plugin on a bootstrapped cluster: what it changes, what it refuses and in which words. */
class AdmissionPluginsTest {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    ApiServer api;

    @BeforeEach
    void setUp() {
        api = BootstrapTest.cluster().api();
    }

    ObjectNode create(String apiVersion, String kind, String namespace, String body) {
        return api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of(apiVersion, kind), namespace, "")
                .withBody(json(body))).body();
    }

    static String pod(String name, String spec) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{" + spec
                + "\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.27\"RESOURCES}]}}";
    }

    static String pod(String name, String spec, String resources) {
        return pod(name, spec).replace("RESOURCES", resources.isEmpty() ? "" : ",\"resources\":" + resources);
    }

    String refusal(String namespace, String body) {
        return assertThrows(StatusException.class, () -> create("v1", "Pod", namespace, body)).getMessage();
    }

    @Test
    void limitRangerFillsDefaultsAndEnforcesBounds() {
        create("v1", "LimitRange", "default", "{\"apiVersion\":\"v1\",\"kind\":\"LimitRange\",\"metadata\":{\"name\":"
                + "\"limits\"},\"spec\":{\"limits\":[{\"type\":\"Container\",\"default\":{\"cpu\":\"500m\",\"memory\":"
                + "\"256Mi\"},\"defaultRequest\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"max\":{\"cpu\":\"1\"}}]}}");
        ObjectNode pod = create("v1", "Pod", "default", pod("a", "", ""));
        ObjectNode resources = (ObjectNode) pod.path("spec").path("containers").get(0).path("resources");
        assertEquals("500m", resources.path("limits").path("cpu").asText());
        assertEquals("128Mi", resources.path("requests").path("memory").asText());
        assertEquals("LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app",
                pod.path("metadata").path("annotations").path("kubernetes.io/limit-ranger").asText());
        assertEquals("Burstable", pod.path("status").path("qosClass").asText());
        assertEquals("pods \"b\" is forbidden: maximum cpu usage per Container is 1, but limit is 2",
                refusal("default", pod("b", "", "{\"limits\":{\"cpu\":\"2\"}}")));
    }

    @Test
    void limitRangerReportsEveryViolation() {
        create("v1", "LimitRange", "default", "{\"apiVersion\":\"v1\",\"kind\":\"LimitRange\",\"metadata\":{\"name\":"
                + "\"limits\"},\"spec\":{\"limits\":[{\"type\":\"Container\",\"max\":{\"cpu\":\"1\"},"
                + "\"maxLimitRequestRatio\":{\"cpu\":\"2\"}}]}}");
        assertEquals("pods \"r\" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, cpu max limit to "
                + "request ratio per Container is 2, but provided ratio is 8.000000]", refusal("default", pod("r", "",
                "{\"requests\":{\"cpu\":\"250m\"},\"limits\":{\"cpu\":\"2\"}}")));
    }

    @Test
    void resourceQuotaCountsAndComputes() {
        create("v1", "ResourceQuota", "default", "{\"apiVersion\":\"v1\",\"kind\":\"ResourceQuota\",\"metadata\":"
                + "{\"name\":\"q\"},\"spec\":{\"hard\":{\"pods\":\"2\",\"requests.cpu\":\"1\"}}}");
        assertEquals("pods \"a\" is forbidden: failed quota: q: must specify requests.cpu for: app",
                refusal("default", pod("a", "", "")));
        create("v1", "Pod", "default", pod("a", "", "{\"requests\":{\"cpu\":\"600m\"}}"));
        assertEquals("pods \"b\" is forbidden: exceeded quota: q, requested: requests.cpu=600m, used: "
                + "requests.cpu=600m, limited: requests.cpu=1", refusal("default", pod("b", "",
                "{\"requests\":{\"cpu\":\"600m\"}}")));
        create("v1", "Pod", "default", pod("b", "", "{\"requests\":{\"cpu\":\"400m\"}}"));
        assertEquals("pods \"c\" is forbidden: exceeded quota: q, requested: pods=1,requests.cpu=1m, used: "
                + "pods=2,requests.cpu=1, limited: pods=2,requests.cpu=1", refusal("default", pod("c", "",
                "{\"requests\":{\"cpu\":\"1m\"}}")));
    }

    @Test
    void sidecarsCountAlongsideTheContainers() {
        create("v1", "ResourceQuota", "default", "{\"apiVersion\":\"v1\",\"kind\":\"ResourceQuota\",\"metadata\":"
                + "{\"name\":\"q\"},\"spec\":{\"hard\":{\"requests.cpu\":\"1\"}}}");
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"s\"},\"spec\":{"
                + "\"initContainers\":[{\"name\":\"proxy\",\"image\":\"envoy\",\"restartPolicy\":\"Always\","
                + "\"resources\":{\"requests\":{\"cpu\":\"600m\"}}}],\"containers\":[{\"name\":\"app\",\"image\":"
                + "\"nginx\",\"resources\":{\"requests\":{\"cpu\":\"600m\"}}}]}}";
        assertEquals("pods \"s\" is forbidden: exceeded quota: q, requested: requests.cpu=1200m, used: requests.cpu=0, "
                + "limited: requests.cpu=1", refusal("default", body));
    }

    @Test
    void scopedQuotasCountOnlyTheirPods() {
        create("v1", "ResourceQuota", "default", "{\"apiVersion\":\"v1\",\"kind\":\"ResourceQuota\",\"metadata\":"
                + "{\"name\":\"best-effort\"},\"spec\":{\"hard\":{\"pods\":\"1\"},\"scopes\":[\"BestEffort\"]}}");
        create("v1", "Pod", "default", pod("a", "", ""));
        assertEquals("pods \"b\" is forbidden: exceeded quota: best-effort, requested: pods=1, used: pods=1, limited: "
                + "pods=1", refusal("default", pod("b", "", "")));
        create("v1", "Pod", "default", pod("c", "", "{\"requests\":{\"cpu\":\"100m\"}}"));
        create("v1", "ConfigMap", "default", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"priorityClassName\":\"system-node-critical\",|2000001000|PreemptLowerPriority",
            "|0|PreemptLowerPriority"})
    void priorityComesFromTheClass(String spec, int priority, String policy) {
        ObjectNode created = create("v1", "Pod", "kube-system", pod("p", spec == null ? "" : spec, ""));
        assertEquals(priority, created.path("spec").path("priority").asInt());
        assertEquals(policy, created.path("spec").path("preemptionPolicy").asText());
    }

    @Test
    void priorityRefusesUnknownClassesAndForgedValues() {
        assertEquals("pods \"p\" is forbidden: no PriorityClass with name gold was found",
                refusal("default", pod("p", "\"priorityClassName\":\"gold\",", "")));
        assertEquals("pods \"p\" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in "
                + "pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name",
                refusal("default", pod("p", "\"preemptionPolicy\":\"Never\",", "")));
        assertEquals("pods \"p\" is forbidden: the integer value of priority (7) must not be provided in pod spec; "
                + "priority admission controller computed 0 from the given PriorityClass name",
                refusal("default", pod("p", "\"priority\":7,", "")));
    }

    @Test
    void tolerationsAreNotAddedTwice() {
        ObjectNode created = create("v1", "Pod", "default", pod("t", "\"tolerations\":[{\"operator\":\"Exists\"}],", ""));
        assertEquals(1, created.path("spec").path("tolerations").size());
    }

    @Test
    void serviceAccountTokensAreOptional() {
        ObjectNode created = create("v1", "Pod", "default", pod("n", "\"automountServiceAccountToken\":false,", ""));
        assertEquals(0, created.path("spec").path("volumes").size());
    }

    @Test
    void terminatingNamespacesTakeNothingNew() {
        create("v1", "Namespace", "", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}");
        create("v1", "ServiceAccount", "team", "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":"
                + "{\"name\":\"default\"}}");
        ObjectNode deleting = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "Namespace"),
                "", "team")).body();
        assertEquals("Terminating", deleting.path("status").path("phase").asText());
        assertEquals("pods \"x\" is forbidden: unable to create new content in namespace team because it is being "
                + "terminated", refusal("team", pod("x", "", "")));
        assertEquals(false, deleting.path("metadata").has("deletionGracePeriodSeconds"));
        ResourceType namespaces = ResourceTypes.of("v1", "Namespace");
        StatusException again = assertThrows(StatusException.class, () -> api.handle(ApiRequest.of(UserInfo.ADMIN,
                Verb.DELETE, namespaces, "", "team")));
        assertEquals("Operation cannot be fulfilled on namespaces \"team\": The system is ensuring all content is "
                + "removed from this namespace.  Upon completion, this namespace will automatically be purged by the "
                + "system.", again.getMessage());
        ObjectNode finalized = deleting.deepCopy();
        finalized.with("spec").putArray("finalizers");
        api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, namespaces, "", "team").withSubresource("finalize")
                .withBody(finalized));
        assertEquals(404, assertThrows(StatusException.class, () -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET,
                namespaces, "", "team"))).status().code(), "finalized and gone");
    }
}
