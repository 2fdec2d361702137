package io.kubelab.kubectl.replace;

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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code kubectl replace -f} and {@code --force} against the API server. */
class ReplaceTest {

    private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n";
    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 17);
        shell = new Shell(cluster);
        shell.execute("cat > c.yaml <<'EOF'\n" + CM + "EOF");
        shell.execute("cat > c2.yaml <<'EOF'\n" + CM.replace("a: \"1\"", "b: \"2\"") + "EOF");
    }

    @Test
    void replacesTheWholeObject() {
        assertEquals("Error from server (NotFound): error when replacing \"c.yaml\": configmaps \"c\" not found\n",
                shell.execute("kubectl replace -f c.yaml").stderr());
        shell.execute("kubectl create -f c.yaml");
        String uid = cluster.api().peek(ResourceTypes.of("v1", "ConfigMap"), "default", "c").orElseThrow()
                .path("metadata").path("uid").asText();
        assertEquals("configmap/c replaced\n", shell.execute("kubectl replace -f c2.yaml").stdout());
        var replaced = cluster.api().peek(ResourceTypes.of("v1", "ConfigMap"), "default", "c").orElseThrow();
        assertFalse(replaced.path("data").has("a"), "what the file leaves out is gone");
        assertEquals(uid, replaced.path("metadata").path("uid").asText());
        assertEquals("configmap/c replaced (server dry run)\n",
                shell.execute("kubectl replace -f c.yaml --dry-run=server").stdout());
    }

    @Test
    void forceDeletesAndCreatesAgain() {
        shell.execute("kubectl create -f c.yaml");
        String uid = cluster.api().peek(ResourceTypes.of("v1", "ConfigMap"), "default", "c").orElseThrow()
                .path("metadata").path("uid").asText();
        CommandResult r = shell.execute("kubectl replace --force -f c2.yaml");
        assertEquals("configmap \"c\" deleted\nconfigmap/c replaced\n", r.stdout());
        assertNotEquals(uid, cluster.api().peek(ResourceTypes.of("v1", "ConfigMap"), "default", "c").orElseThrow()
                .path("metadata").path("uid").asText());
        assertEquals("error: --dry-run can not be used when --force is set\n",
                shell.execute("kubectl replace --force -f c.yaml --dry-run=server").stderr());
        assertEquals("error: must specify one of -f and -k\n", shell.execute("kubectl replace").stderr());
    }
}
