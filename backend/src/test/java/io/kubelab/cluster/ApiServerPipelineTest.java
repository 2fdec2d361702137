package io.kubelab.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.events.ComponentEvent;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole write path on a bootstrapped cluster: defaulting, admission, registry rules, errors. */
class ApiServerPipelineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType DEPLOYMENTS = ResourceTypes.of("apps/v1", "Deployment");

    SimCluster cluster;
    ApiServer api;

    @BeforeEach
    void setUp() {
        cluster = BootstrapTest.cluster();
        api = cluster.api();
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    ApiResponse create(ResourceType type, String namespace, String body) {
        return api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, namespace, "").withBody(json(body)));
    }

    StatusException failure(Runnable call) {
        return assertThrows(StatusException.class, call::run);
    }

    static final String NGINX = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"nginx\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx\"}]}}";

    @Test
    void aSecretsStringDataIsStoredAsDataAndDropped() {
        ObjectNode stored = create(ResourceTypes.of("v1", "Secret"), "default", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},
                 "data":{"user":"YWRtaW4=","host":"b2xk"},"stringData":{"host":"db.default.svc"}}""").body();
        assertEquals("ZGIuZGVmYXVsdC5zdmM=", stored.path("data").path("host").asText(), "stringData wins over data");
        assertEquals("YWRtaW4=", stored.path("data").path("user").asText());
        assertFalse(stored.has("stringData"));
        assertEquals("Opaque", stored.path("type").asText());
    }

    @Test
    void aPodIsDefaultedAndAdmittedAsKubernetesDoesIt() {
        ApiResponse response = create(PODS, "default", NGINX);
        assertEquals(201, response.code());
        ObjectNode pod = response.body();
        ObjectNode spec = (ObjectNode) pod.get("spec");
        assertEquals("Always", spec.path("restartPolicy").asText());
        assertEquals("ClusterFirst", spec.path("dnsPolicy").asText());
        assertEquals("default-scheduler", spec.path("schedulerName").asText());
        assertEquals(30, spec.path("terminationGracePeriodSeconds").asInt());
        assertEquals("Always", spec.path("containers").get(0).path("imagePullPolicy").asText());
        assertEquals("default", spec.path("serviceAccountName").asText());
        assertEquals(0, spec.path("priority").asInt());
        assertEquals("PreemptLowerPriority", spec.path("preemptionPolicy").asText());
        assertTrue(spec.path("volumes").get(0).path("name").asText().matches("kube-api-access-[a-z0-9]{5}"));
        assertEquals("/var/run/secrets/kubernetes.io/serviceaccount",
                spec.path("containers").get(0).path("volumeMounts").get(0).path("mountPath").asText());
        assertEquals(2, spec.path("tolerations").size());
        assertEquals("Pending", pod.path("status").path("phase").asText());
        assertEquals("BestEffort", pod.path("status").path("qosClass").asText());
        assertEquals("2026-11-25T10:00:00Z", pod.path("metadata").path("creationTimestamp").asText());
        assertFalse(pod.path("metadata").path("uid").asText().isEmpty());
    }

    @Test
    void errorsAreKubernetesStatuses() {
        create(PODS, "default", NGINX);
        assertEquals("pods \"nginx\" already exists", failure(() -> create(PODS, "default", NGINX)).getMessage());
        assertEquals("namespaces \"nope\" not found", failure(() -> create(PODS, "nope", NGINX)).getMessage());
        assertEquals(404, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "web")))
                .status().code());
        assertEquals("pods \"x\" is forbidden: error looking up service account default/robot: serviceaccount "
                        + "\"robot\" not found",
                failure(() -> create(PODS, "default", NGINX.replace("\"nginx\"}", "\"x\"}")
                        .replace("\"spec\":{", "\"spec\":{\"serviceAccountName\":\"robot\","))).getMessage());
        assertEquals("field label not supported: spec.foo", failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN,
                Verb.LIST, PODS, "default", "").withOptions(RequestOptions.DEFAULT.withSelectors("", "spec.foo=x"))))
                .getMessage());
        assertEquals(400, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, PODS, "default", "")
                .withOptions(RequestOptions.DEFAULT.withSelectors("a in (", "")))).status().code());
        StatusException invalid = failure(() -> create(PODS, "default", NGINX.replace("\"name\":\"nginx\"}",
                "\"name\":\"Nginx\"}")));
        assertEquals(422, invalid.status().code());
        assertTrue(invalid.getMessage().startsWith("Pod \"Nginx\" is invalid: metadata.name: Invalid value: \"Nginx\": "
                + "a lowercase RFC 1123 subdomain must consist of"), invalid.getMessage());
        assertEquals("Pod \"x\" is invalid: spec.containers[0].image: Required value", failure(() -> create(PODS,
                "default", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"},\"spec\":"
                        + "{\"containers\":[{\"name\":\"c\"}]}}")).getMessage());
        assertEquals("namespaces \"kube-system\" is forbidden: this namespace may not be deleted",
                failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE,
                        ResourceTypes.of("v1", "Namespace"), "", "kube-system"))).getMessage());
    }

    @Test
    void bodiesAreDecodedAsKubernetesDecodesThem() {
        String typo = NGINX.replace("\"image\":\"nginx\"", "\"image\":\"nginx\",\"imagePullPolicyy\":\"Always\"");
        ApiRequest strict = ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "").withBody(json(typo))
                .withOptions(RequestOptions.DEFAULT.withFieldValidation(RequestOptions.FieldValidation.STRICT));
        StatusException unknown = failure(() -> api.handle(strict));
        assertEquals(400, unknown.status().code());
        assertEquals("Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field "
                + "\"spec.containers[0].imagePullPolicyy\"", unknown.getMessage());
        assertEquals(404, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "nginx")))
                .status().code(), "nothing is stored");
        ApiResponse warned = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "")
                .withBody(json(typo)));
        assertEquals(List.of("unknown field \"spec.containers[0].imagePullPolicyy\""), warned.warnings());

        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":\"3\",\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":"
                + "{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"nginx\"}]}}}}";
        assertEquals("Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string "
                + "into Go struct field DeploymentSpec.spec.replicas of type int32",
                failure(() -> create(DEPLOYMENTS, "default", deployment)).getMessage());
    }

    @Test
    void generateNameDryRunAndStaleUpdates() {
        ObjectNode generated = create(PODS, "default", NGINX.replace("\"name\":\"nginx\"}", "\"generateName\":\"web-\"}"))
                .body();
        assertTrue(generated.path("metadata").path("name").asText().matches("web-[a-z0-9]{5}"));
        ObjectNode dry = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "")
                .withBody(json(NGINX)).withOptions(RequestOptions.DEFAULT.withDryRun(true))).body();
        assertEquals("", dry.path("metadata").path("resourceVersion").asText(""));
        assertEquals(404, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "nginx")))
                .status().code());

        ObjectNode pod = create(PODS, "default", NGINX).body();
        ObjectNode stale = pod.deepCopy();
        pod.with("metadata").with("labels").put("app", "web");
        api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, PODS, "default", "nginx").withBody(pod));
        stale.with("metadata").with("labels").put("app", "old");
        assertEquals("Operation cannot be fulfilled on pods \"nginx\": the object has been modified; please apply "
                        + "your changes to the latest version and try again",
                failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, PODS, "default", "nginx")
                        .withBody(stale))).getMessage());
    }

    @Test
    void reviewedEdgeCasesAnswerAsKubernetesDoes() {
        create(PODS, "default", NGINX);
        StatusException dry = failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "")
                .withBody(json(NGINX)).withOptions(RequestOptions.DEFAULT.withDryRun(true))));
        assertEquals("pods \"nginx\" already exists", dry.getMessage());

        ResourceType configMaps = ResourceTypes.of("v1", "ConfigMap");
        ObjectNode cm = create(configMaps, "default", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
                + "{\"name\":\"cfg\",\"finalizers\":[\"example.com/keep\"]}}").body();
        api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, configMaps, "default", "cfg"));
        assertEquals("object is being deleted: configmaps \"cfg\" already exists", failure(() -> create(configMaps,
                "default", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\"}}"))
                .getMessage());
        assertEquals(404, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, configMaps, "default",
                "cfg").withSubresource("status").withBody(cm))).status().code());

        StatusException badPatch = failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH,
                ResourceTypes.of("v1", "Service"), "default", "kubernetes").withPatch(ApiRequest.PatchType.MERGE,
                json("{\"spec\":{\"ports\":[1]}}"))));
        assertEquals(422, badPatch.status().code());
        assertTrue(badPatch.getMessage().contains("json: cannot unmarshal number into Go struct field ServiceSpec"
                + ".spec.ports of type v1.ServicePort"), badPatch.getMessage());
    }

    @Test
    void explicitNullsAreZeroValuesNotErrors() {
        create(ResourceTypes.of("v1", "LimitRange"), "default", "{\"apiVersion\":\"v1\",\"kind\":\"LimitRange\","
                + "\"metadata\":{\"name\":\"l\"},\"spec\":{\"limits\":[{\"type\":\"Container\",\"default\":"
                + "{\"cpu\":\"200m\"}}]}}");
        ObjectNode pod = create(PODS, "default", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":"
                + "\"n\",\"labels\":null},\"spec\":{\"volumes\":null,\"containers\":[{\"name\":\"c\",\"image\":"
                + "\"nginx\",\"volumeMounts\":null,\"resources\":null}]}}").body();
        assertEquals("200m", pod.path("spec").path("containers").get(0).path("resources").path("limits").path("cpu")
                .asText());
        assertEquals(1, pod.path("spec").path("volumes").size());
        assertFalse(pod.path("metadata").has("labels"));
    }

    @Test
    void generationCountsRealChangesOnly() {
        String manifest = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.27\"}]}}}}";
        create(DEPLOYMENTS, "default", manifest);
        ObjectNode again = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, DEPLOYMENTS, "default", "web")
                .withBody(json(manifest))).body();
        assertEquals(1, again.path("metadata").path("generation").asInt(), "re-applying the manifest is no change");
        ObjectNode restarted = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, DEPLOYMENTS, "default", "web")
                .withPatch(ApiRequest.PatchType.STRATEGIC, json("{\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                        + "{\"kubectl.kubernetes.io/restartedAt\":\"2026-11-25T10:00:00Z\"}}}}}"))).body();
        assertEquals(2, restarted.path("metadata").path("generation").asInt());
        ObjectNode annotated = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, DEPLOYMENTS, "default", "web")
                .withPatch(ApiRequest.PatchType.MERGE, json("{\"metadata\":{\"annotations\":{\"note\":\"x\"}}}"))).body();
        assertEquals(3, annotated.path("metadata").path("generation").asInt(), "deployments count annotations");
        StatusException typed = failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, DEPLOYMENTS,
                "default", "web").withPatch(ApiRequest.PatchType.STRATEGIC, json("{\"spec\":{\"replicas\":\"abc\"}}"))));
        assertEquals(422, typed.status().code());
        assertTrue(typed.getMessage().endsWith("patch: Invalid value: \"map[spec:map[replicas:abc]]\": unrecognized type: "
                + "int32"), typed.getMessage());

        ResourceType daemonSets = ResourceTypes.of("apps/v1", "DaemonSet");
        ObjectNode ds = create(daemonSets, "default", manifest.replace("Deployment", "DaemonSet")).body();
        assertEquals("1", ds.path("metadata").path("annotations").path("deprecated.daemonset.template.generation").asText());
        ObjectNode changed = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, daemonSets, "default", "web")
                .withPatch(ApiRequest.PatchType.STRATEGIC, json("{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                        + "[{\"name\":\"nginx\",\"image\":\"nginx:1.28\"}]}}}}"))).body();
        assertEquals("2", changed.path("metadata").path("annotations").path("deprecated.daemonset.template.generation").asText());
    }

    @Test
    void specChangesCountGenerationsAndStatusIsItsOwnSubresource() {
        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.27\"}]}}},"
                + "\"status\":{\"replicas\":5}}";
        ObjectNode created = create(DEPLOYMENTS, "default", deployment).body();
        assertEquals(1, created.path("metadata").path("generation").asInt());
        assertFalse(created.has("status") && created.path("status").has("replicas"));
        assertEquals(1, created.path("spec").path("replicas").asInt());
        assertEquals("25%", created.path("spec").path("strategy").path("rollingUpdate").path("maxSurge").asText());

        ObjectNode scaled = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, DEPLOYMENTS, "default", "web")
                .withPatch(ApiRequest.PatchType.MERGE, json("{\"spec\":{\"replicas\":3}}"))).body();
        assertEquals(2, scaled.path("metadata").path("generation").asInt());
        ObjectNode image = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, DEPLOYMENTS, "default", "web")
                .withPatch(ApiRequest.PatchType.STRATEGIC, json("{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                        + "[{\"name\":\"nginx\",\"image\":\"nginx:1.28\"}]}}}}"))).body();
        assertEquals("nginx:1.28", image.path("spec").path("template").path("spec").path("containers").get(0)
                .path("image").asText());
        assertEquals(3, image.path("metadata").path("generation").asInt());

        ObjectNode withStatus = image.deepCopy();
        withStatus.putObject("status").put("observedGeneration", 3).put("replicas", 3);
        ObjectNode after = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, DEPLOYMENTS, "default", "web")
                .withSubresource("status").withBody(withStatus)).body();
        assertEquals(3, after.path("status").path("replicas").asInt());
        assertEquals(3, after.path("metadata").path("generation").asInt());
    }

    @Test
    void podsOnANodeAreDeletedGracefullyOthersAtOnce() {
        create(PODS, "default", NGINX);
        ApiResponse gone = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, "default", "nginx"));
        assertEquals("nginx", gone.body().path("metadata").path("name").asText());
        assertEquals(404, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "nginx")))
                .status().code());

        create(PODS, "default", NGINX.replace("\"spec\":{", "\"spec\":{\"nodeName\":\"node01\","));
        cluster.clock().advance(Duration.ofSeconds(5));
        ObjectNode terminating = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, "default", "nginx")).body();
        assertEquals("2026-11-25T10:00:35Z", terminating.path("metadata").path("deletionTimestamp").asText());
        assertEquals(30, terminating.path("metadata").path("deletionGracePeriodSeconds").asInt());
        api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, "default", "nginx")
                .withOptions(RequestOptions.DEFAULT.withGracePeriod(0)));
        assertEquals(404, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "nginx")))
                .status().code());

        ObjectNode status = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "ConfigMap"),
                "default", "kube-root-ca.crt")).body();
        assertEquals("Success", status.path("status").asText());
        assertEquals("configmaps", status.path("details").path("kind").asText());
    }

    @Test
    void aStoppedEtcdOrApiServerRefusesEveryRequest() {
        cluster.stop("etcd");
        StatusException down = failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, PODS, "default", "")));
        assertEquals(503, down.status().code());
        assertEquals("etcdserver: request timed out", down.getMessage());
        assertEquals(503, failure(() -> create(PODS, "default", NGINX)).status().code());
        cluster.start("etcd");
        create(PODS, "default", NGINX);
        cluster.stop("apiserver");
        assertEquals(503, failure(() -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "nginx")))
                .status().code());
        cluster.start("apiserver");
        assertEquals(200, api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "nginx")).code());
    }

    @Test
    void serviceAccountsAreAuthorizedByRbac() {
        UserInfo robot = UserInfo.serviceAccount("default", "robot");
        StatusException denied = failure(() -> api.handle(ApiRequest.of(robot, Verb.LIST, PODS, "default", "")));
        assertEquals("pods is forbidden: User \"system:serviceaccount:default:robot\" cannot list resource \"pods\" "
                + "in API group \"\" in the namespace \"default\"", denied.getMessage());
        create(ResourceTypes.of("rbac.authorization.k8s.io/v1", "RoleBinding"), "default",
                "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"RoleBinding\",\"metadata\":{\"name\":\"r\"},"
                        + "\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\"view\"},"
                        + "\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"robot\",\"namespace\":\"default\"}]}");
        assertEquals(200, api.handle(ApiRequest.of(robot, Verb.LIST, PODS, "default", "")).code());
        assertEquals(403, failure(() -> api.handle(ApiRequest.of(robot, Verb.LIST, PODS, "kube-system", "")))
                .status().code());
    }

    @Test
    void servicesGetClusterIpsAndNodePorts() {
        ObjectNode service = create(ResourceTypes.of("v1", "Service"), "default", "{\"apiVersion\":\"v1\",\"kind\":"
                + "\"Service\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"type\":\"NodePort\",\"selector\":{\"app\":\"web\"},"
                + "\"ports\":[{\"port\":80}]}}").body();
        String ip = service.path("spec").path("clusterIP").asText();
        assertTrue(ip.startsWith("10.9") || ip.startsWith("10.10") || ip.startsWith("10.11"), ip);
        int nodePort = service.path("spec").path("ports").get(0).path("nodePort").asInt();
        assertTrue(nodePort >= 30000 && nodePort <= 32767);
        assertEquals(80, service.path("spec").path("ports").get(0).path("targetPort").asInt());
        assertEquals("SingleStack", service.path("spec").path("ipFamilyPolicy").asText());
        StatusException taken = failure(() -> create(ResourceTypes.of("v1", "Service"), "default", "{\"apiVersion\":"
                + "\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"dns2\"},\"spec\":{\"clusterIP\":\"10.96.0.10\","
                + "\"ports\":[{\"port\":53}]}}"));
        assertEquals("Service \"dns2\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: "
                + "failed to allocate IP 10.96.0.10: provided IP is already allocated", taken.getMessage());
    }

    @Test
    void servicesChangeTypeAndPodsKeepTheirTokenVolume() {
        ResourceType services = ResourceTypes.of("v1", "Service");
        create(services, "default", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"type\":\"NodePort\",\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}}");
        ObjectNode external = api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, services, "default", "web")
                .withPatch(ApiRequest.PatchType.MERGE, json("{\"spec\":{\"type\":\"ExternalName\",\"externalName\":"
                        + "\"example.com\",\"selector\":null}}"))).body();
        assertFalse(external.path("spec").has("clusterIP"), external.toString());
        assertFalse(external.path("spec").path("ports").get(0).has("nodePort"));

        ObjectNode exported = create(PODS, "default", NGINX).body();
        api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, "default", "nginx"));
        exported.remove("status");
        ObjectNode metadata = (ObjectNode) exported.get("metadata");
        metadata.remove(List.of("uid", "resourceVersion", "creationTimestamp"));
        ObjectNode again = create(PODS, "default", exported.toString()).body();
        assertEquals(1, again.path("spec").path("volumes").size(), "the exported token volume is reused");
        assertEquals(1, again.path("spec").path("containers").get(0).path("volumeMounts").size());

        ObjectNode guaranteed = create(PODS, "default", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":"
                + "{\"name\":\"g\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\",\"resources\":"
                + "{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"limits\":{\"cpu\":\"1000m\",\"memory\":\"1024Mi\"}}}]}}")
                .body();
        assertEquals("Guaranteed", guaranteed.path("status").path("qosClass").asText());
    }

    @Test
    void eachStepOfARequestIsAComponentEvent() {
        List<ComponentEvent> seen = new ArrayList<>();
        cluster.events().subscribe(seen::add);
        create(PODS, "default", NGINX);
        List<String> actions = seen.stream().map(e -> e.component() + ":" + e.action()).toList();
        assertEquals(List.of("kube-apiserver:authenticate", "kube-apiserver:authorize", "kube-apiserver:admit",
                "etcd:stored", "kube-apiserver:notify", "kube-apiserver:notify"), actions);
        assertEquals(List.of("kube-controller-manager", "kube-scheduler"), List.of(seen.get(4).to(), seen.get(5).to()),
                "kube-controller-manager (pvc-protection) and the scheduler watch pods");
        assertEquals("Pod/default/nginx", seen.get(3).object());
        assertTrue(seen.get(3).message().contains("at revision " + cluster.store().revision()), seen.get(3).message());
        assertEquals("kubectl", seen.get(0).from());
    }
}
