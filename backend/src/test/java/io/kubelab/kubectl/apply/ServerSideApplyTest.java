package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code kubectl apply --server-side}: kubectl 1.32's words for applies, conflicts and refused flag mixes. */
class ServerSideApplyTest {

    private static final String WEB = """
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
                    image: nginx:1.27
            """;
    private static final String ADVICE = """
            Please review the fields above--they currently have other managers. Here
            are the ways you can resolve this warning:
            * If you intend to manage all of these fields, please re-run the apply
              command with the `--force-conflicts` flag.
            * If you do not intend to manage all of the fields, please edit your
              manifest to remove references to the fields that should keep their
              current managers.
            * You may co-own fields by updating your manifest to match the existing
              value; in this case, you'll become the manager if the other manager(s)
              stop managing the field (remove it from their configuration).
            See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
            """;

    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 9);
        shell = new Shell(cluster);
        shell.execute("cat > web.yaml <<'EOF'\n" + WEB + "EOF");
        shell.execute("sed -e 's/replicas: 2/replicas: 4/' -e 's/, tier: fe//' web.yaml > web4.yaml");
    }

    private JsonNode live() {
        return cluster.api().peek(ResourceTypes.of("apps/v1", "Deployment"), "default", "web").orElseThrow();
    }

    private List<String> managers() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : live().path("metadata").path("managedFields")) {
            out.add(e.path("manager").asText() + " " + e.path("operation").asText() + " " + e.path("subresource").asText());
        }
        return out;
    }

    @Test
    void createsThenAppliesAgain() {
        assertEquals("deployment.apps/web serverside-applied\n", shell.execute("kubectl apply --server-side -f web.yaml").stdout());
        assertEquals(List.of("kubectl Apply "), managers());
        assertEquals("deployment.apps/web serverside-applied\n", shell.execute("kubectl apply --server-side -f web.yaml").stdout());
        CommandResult dry = shell.execute("kubectl apply --server-side -f web4.yaml --dry-run=server");
        assertEquals("deployment.apps/web serverside-applied (server dry run)\n", dry.stdout());
        assertEquals(2, live().path("spec").path("replicas").asInt());
    }

    @Test
    void dropsWhatTheManagerNoLongerApplies() {
        shell.execute("kubectl apply --server-side -f web.yaml");
        shell.execute("kubectl label deployment web owner=ops");
        CommandResult r = shell.execute("kubectl apply --server-side -f web4.yaml");
        assertEquals("deployment.apps/web serverside-applied\n", r.stdout());
        JsonNode labels = live().path("metadata").path("labels");
        assertFalse(labels.has("tier"), "applied before, not now: removed");
        assertEquals("ops", labels.path("owner").asText(), "another manager's label stays");
        assertEquals(4, live().path("spec").path("replicas").asInt());
    }

    @Test
    void conflictsWithAnotherManagerUntilForced() {
        shell.execute("kubectl apply --server-side -f web.yaml --field-manager=team");
        shell.execute("kubectl scale deployment web --replicas=3");
        CommandResult r = shell.execute("kubectl apply --server-side -f web4.yaml --field-manager=team");
        assertEquals("", r.stdout());
        assertEquals("error: Apply failed with 1 conflict: conflict with \"kubectl\" with subresource \"scale\" using "
                + "apps/v1: .spec.replicas\n" + ADVICE, r.stderr());
        assertEquals(1, r.exitCode());
        assertEquals(3, live().path("spec").path("replicas").asInt());
        assertEquals("deployment.apps/web serverside-applied\n",
                shell.execute("kubectl apply --server-side -f web4.yaml --field-manager=team --force-conflicts").stdout());
        assertEquals(4, live().path("spec").path("replicas").asInt());
        assertFalse(managers().contains("kubectl Update scale"), "the forced field changed hands: " + managers());
    }

    @Test
    void listsSeveralConflictsByManager() {
        shell.execute("kubectl create -f web.yaml");
        shell.execute("sed -e 's/nginx:1.27/nginx:1.28/' web4.yaml > web5.yaml");
        CommandResult r = shell.execute("kubectl apply --server-side -f web5.yaml");
        assertEquals("error: Apply failed with 2 conflicts: conflicts with \"kubectl-create\" using apps/v1:\n"
                + "- .spec.replicas\n- .spec.template.spec.containers[name=\"nginx\"].image\n" + ADVICE, r.stderr());
    }

    @Test
    void appliesToTheStatusSubresource() {
        shell.execute("kubectl apply --server-side -f web.yaml");
        shell.execute("cat > status.yaml <<'EOF'\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                + "status:\n  observedGeneration: 7\nEOF");
        CommandResult r = shell.execute("kubectl apply --server-side -f status.yaml --subresource=status --field-manager=s");
        assertEquals("deployment.apps/web serverside-applied\n", r.stdout());
        assertEquals(7, live().path("status").path("observedGeneration").asInt());
        assertEquals(List.of("kubectl Apply ", "s Apply status"), managers());
    }

    @Test
    void refusesFlagsThatDoNotGoTogether() {
        String[][] cases = {
                {"kubectl apply -f web.yaml --force-conflicts", "error: --force-conflicts only works with --server-side\n"},
                {"kubectl apply -f web.yaml --server-side --dry-run=client",
                        "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n"},
                {"kubectl apply -f web.yaml --server-side --force", "error: --force cannot be used with --server-side\n"},
                {"kubectl apply -f web.yaml --subresource=status", "error: --subresource can only be specified for --server-side\n"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], shell.execute(c[0]).stderr(), c[0]);
        }
    }
}
