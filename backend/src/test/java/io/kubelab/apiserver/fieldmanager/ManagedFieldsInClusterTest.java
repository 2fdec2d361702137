package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The managers a running sandbox records: the terminal's kubectl, the controllers, the scheduler, the kubelets. */
class ManagedFieldsInClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceType DEPLOYMENT = ResourceTypes.of("apps/v1", "Deployment");
    private static final ResourceType POD = ResourceTypes.of("v1", "Pod");
    private static SimCluster cluster;
    private static Shell shell;

    @BeforeAll
    static void cluster() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 7);
        shell = new Shell(cluster);
        shell.execute("kubectl create deployment web --image=nginx:1.27 --replicas=2");
        shell.execute("kubectl label deployment web tier=fe");
        shell.execute("kubectl annotate deployment web note=x --field-manager=notes");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
    }

    /** Each entry as "manager operation subresource". */
    private static List<String> managers(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : object.path("metadata").path("managedFields")) {
            out.add((e.path("manager").asText() + " " + e.path("operation").asText() + " "
                    + e.path("subresource").asText()).trim());
        }
        return out;
    }

    private static JsonNode web() {
        return cluster.api().peek(DEPLOYMENT, "default", "web").orElseThrow();
    }

    @Test
    void everyWriterIsRecordedUnderItsOwnName() {
        assertEquals(List.of("kubectl-create Update", "kubectl-label Update", "notes Update",
                "kube-controller-manager Update status"), managers(web()), "same second: by manager name");
        JsonNode pod = cluster.api().peekAll(POD, "default").get(0);
        assertEquals(List.of("kube-controller-manager Update", "kubelet Update status"), managers(pod));
        cluster.clock().advance(Duration.ofSeconds(30));
        JsonNode lease = cluster.api().peek(ResourceTypes.of("coordination.k8s.io/v1", "Lease"), "kube-node-lease", "node01")
                .orElseThrow();
        assertEquals(List.of("kubeadm Update", "kubelet Update"), managers(lease), "kubeadm made it, the kubelet renews it");
    }

    @Test
    void getHidesManagedFieldsUnlessAsked() {
        assertFalse(shell.execute("kubectl get deployment web -o yaml").stdout().contains("managedFields"));
        String shown = shell.execute("kubectl get deployment web -o yaml --show-managed-fields").stdout();
        assertTrue(shown.contains("  managedFields:\n  - apiVersion: apps/v1\n    fieldsType: FieldsV1\n    fieldsV1:\n"
                + "      f:metadata:\n        f:labels:\n          .: {}\n          f:app: {}\n"), shown);
        assertTrue(shown.contains("    manager: kubectl-create\n    operation: Update\n    time: \"2026-11-25T10:00:00Z\"\n"),
                shown);
    }

    @Test
    void applyAnswersAsTheApiServerDoes() throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"},"data":{"k":"v"}}""");
        ApiRequest apply = ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.PATCH, ResourceTypes.of("v1", "ConfigMap"),
                "default", "applied").withPatch(ApiRequest.PatchType.APPLY, config);
        StatusException missing = assertThrows(StatusException.class, () -> cluster.api().handle(apply));
        assertEquals("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                missing.status().message());
        assertEquals(422, missing.status().code());
        ApiResponse dry = cluster.api().handle(apply.withOptions(RequestOptions.DEFAULT.withFieldManager("m").withDryRun(true)));
        assertEquals(201, dry.code());
        assertTrue(cluster.api().peek(ResourceTypes.of("v1", "ConfigMap"), "default", "applied").isEmpty(), "dry run");
        ApiResponse created = cluster.api().handle(apply.withOptions(RequestOptions.DEFAULT.withFieldManager("m")));
        assertEquals(201, created.code());
        assertEquals(List.of("m Apply"), managers(created.body()));
        ApiResponse again = cluster.api().handle(apply.withOptions(RequestOptions.DEFAULT.withFieldManager("m")));
        assertEquals(200, again.code());
        assertEquals(created.body().path("metadata").path("resourceVersion"),
                again.body().path("metadata").path("resourceVersion"), "nothing changed, nothing written");
    }

    @Test
    void writeOptionsAreValidated() throws Exception {
        ObjectNode patch = (ObjectNode) JSON.readTree("{\"metadata\":{\"labels\":{\"x\":\"1\"}}}");
        ApiRequest merge = ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.PATCH, DEPLOYMENT, "default", "web")
                .withPatch(ApiRequest.PatchType.MERGE, patch);
        Object[][] cases = {
                {RequestOptions.DEFAULT.withForce(true),
                        "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch"},
                {RequestOptions.DEFAULT.withFieldManager("m".repeat(129)),
                        "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long: may not be more than 128 bytes"},
                {RequestOptions.DEFAULT.withFieldManager("a\tb"), "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: "
                        + "Invalid value: \"a\\tb\": invalid character U+0009 (at position 1)"},
        };
        for (Object[] c : cases) {
            StatusException e = assertThrows(StatusException.class,
                    () -> cluster.api().handle(merge.withOptions((RequestOptions) c[0])));
            assertEquals(c[1], e.status().message());
        }
    }

    @Test
    void theUserAgentNamesAManagerlessWrite() {
        assertEquals("kube-controller-manager", FieldManagers.prefixFromUserAgent(
                "kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/70d3cc9/system:serviceaccount:kube-system:x"));
        assertEquals("kubectl", FieldManagers.prefixFromUserAgent("kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9"));
        assertEquals("Go-http-client", FieldManagers.prefixFromUserAgent("Go-http-client/2.0"));
        assertEquals("k9s", FieldManagers.prefixFromUserAgent("k9s"));
        assertEquals("x".repeat(128), FieldManagers.prefixFromUserAgent("x".repeat(200)));
        ApiRequest r = ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.UPDATE, DEPLOYMENT, "default", "web")
                .withOptions(RequestOptions.DEFAULT.withUserAgent("helm/v3.16.2"));
        assertEquals("helm", FieldManagers.of(r));
        assertEquals("team", FieldManagers.of(r.withOptions(r.options().withFieldManager("team"))));
    }
}
