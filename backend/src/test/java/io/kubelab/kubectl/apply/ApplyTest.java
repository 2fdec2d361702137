package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl apply -f} against the API server: created, unchanged, configured, and what a re-apply removes. */
class ApplyTest {

    private static final String V1 = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web, tier: fe}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
                    env:
                    - {name: A, value: "1"}
                    - {name: B, value: "2"}
            """;
    private static final String V2 = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    env:
                    - {name: B, value: "2"}
            """;

    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 9);
        shell = new Shell(cluster);
        shell.execute("cat > v1.yaml <<'EOF'\n" + V1 + "EOF");
        shell.execute("cat > v2.yaml <<'EOF'\n" + V2 + "EOF");
    }

    private JsonNode live() {
        return cluster.api().peek(ResourceTypes.of("apps/v1", "Deployment"), "default", "web").orElseThrow();
    }

    @Test
    void createsThenLeavesUnchangedThenConfigures() {
        assertEquals("deployment.apps/web created\n", shell.execute("kubectl apply -f v1.yaml").stdout());
        assertTrue(LastApplied.of(live()).orElseThrow().startsWith("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"tier\":\"fe\"},\"name\":\"web\",\"namespace\":\"default\"}"));
        assertEquals("deployment.apps/web unchanged\n", shell.execute("kubectl apply -f v1.yaml").stdout());
        ObjectMapper json = new ObjectMapper();
        ObjectNode patch = json.createObjectNode();
        patch.putObject("metadata").putObject("labels").put("owner", "ops");
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.PATCH, ResourceTypes.of("apps/v1", "Deployment"),
                "default", "web").withPatch(ApiRequest.PatchType.MERGE, patch));
        CommandResult r = shell.execute("kubectl apply -f v2.yaml");
        assertEquals("deployment.apps/web configured\n", r.stdout());
        assertEquals("", r.stderr());
        JsonNode web = live();
        assertEquals(3, web.path("spec").path("replicas").asInt());
        assertFalse(web.path("metadata").path("labels").has("tier"), "removed from the file, removed from the object");
        assertEquals("ops", web.path("metadata").path("labels").path("owner").asText(), "never in the file, kept");
        JsonNode container = web.path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals("nginx:1.27", container.path("image").asText());
        assertEquals(1, container.path("env").size());
        assertEquals("B", container.path("env").get(0).path("name").asText());
    }

    @Test
    void warnsWhenTheObjectWasNotCreatedDeclaratively() {
        shell.execute("kubectl create -f v1.yaml");
        CommandResult r = shell.execute("kubectl apply -f v2.yaml");
        assertEquals("Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration "
                + "annotation which is required by kubectl apply. kubectl apply should only be used on resources created "
                + "declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be "
                + "patched automatically.\n", r.stderr());
        assertEquals("deployment.apps/web configured\n", r.stdout());
        assertTrue(LastApplied.of(live()).isPresent());
        assertEquals("fe", live().path("metadata").path("labels").path("tier").asText(),
                "without a last applied configuration nothing is deleted");
    }

    @Test
    void dryRunsChangeNothing() {
        assertEquals("deployment.apps/web created (dry run)\n", shell.execute("kubectl apply -f v1.yaml --dry-run=client").stdout());
        assertEquals("deployment.apps/web created (server dry run)\n",
                shell.execute("kubectl apply -f v1.yaml --dry-run=server").stdout());
        assertTrue(cluster.api().peek(ResourceTypes.of("apps/v1", "Deployment"), "default", "web").isEmpty());
        shell.execute("kubectl apply -f v1.yaml");
        assertEquals("deployment.apps/web configured (server dry run)\n",
                shell.execute("kubectl apply -f v2.yaml --dry-run=server").stdout());
        assertEquals(2, live().path("spec").path("replicas").asInt());
        assertEquals("deployment.apps/web\n", shell.execute("kubectl apply -f v2.yaml -o name").stdout());
        assertEquals(3, live().path("spec").path("replicas").asInt());
    }

    @Test
    void serverSideApplyTakesOverFromClientSideApply() {
        shell.execute("kubectl apply -f v1.yaml");
        CommandResult r = shell.execute("kubectl apply -f v2.yaml --server-side");
        assertEquals("deployment.apps/web serverside-applied\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(3, live().path("spec").path("replicas").asInt(), "the annotation's own fields are no conflict");
        assertTrue(LastApplied.of(live()).orElseThrow().contains("\"replicas\":3"), "the annotation follows the apply");
        java.util.List<String> managers = new java.util.ArrayList<>();
        live().path("metadata").path("managedFields").forEach(e -> managers.add(e.path("manager").asText() + " "
                + e.path("operation").asText()));
        assertEquals(java.util.List.of("kubectl Apply"), managers,
                "kubectl moved the client-side apply entry into its own");
        assertTrue(live().path("metadata").path("managedFields").get(0).path("fieldsV1").path("f:metadata")
                .path("f:annotations").has("f:" + LastApplied.ANNOTATION));
    }

    @Test
    void usageErrors() {
        assertEquals("error: must specify one of -f and -k\n", shell.execute("kubectl apply").stderr());
        assertEquals("error: Unexpected args: [extra]\nSee 'kubectl apply -h' for help and examples\n",
                shell.execute("kubectl apply extra -f v1.yaml").stderr());
    }
}
