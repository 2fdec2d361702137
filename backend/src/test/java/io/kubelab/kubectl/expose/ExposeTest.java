package io.kubelab.kubectl.expose;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.kubectl.create.Transcripts;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl expose} of the objects in {@code objects.json}, checked against kubectl 1.32. */
class ExposeTest {

    private static final Path DIR = Path.of("src/test/resources/golden/kubectl/expose");
    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() throws IOException {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 5);
        shell = new Shell(cluster);
        shell.execute("cat > objects.json <<'EOF'\n" + Files.readString(DIR.resolve("objects.json")) + "\nEOF");
        CommandResult created = shell.execute("kubectl create -f objects.json");
        assertEquals(0, created.exitCode(), created.stderr());
    }

    @Test
    void dryRunsAsKubectlPrintsThem() throws IOException {
        Transcripts.check(shell, DIR.resolve("cases.txt"), DIR.resolve("dry-run.txt"),
                line -> line + " --dry-run=client -o yaml");
    }

    @Test
    void exposesThroughTheApiServer() {
        assertEquals("service/web exposed\n", shell.execute("kubectl expose deployment web --port=80").stdout());
        var service = cluster.api().peek(ResourceTypes.of("v1", "Service"), "default", "web").orElseThrow();
        assertEquals("web", service.path("spec").path("selector").path("app").asText());
        assertEquals("ClusterIP", service.path("spec").path("type").asText());
        assertEquals("Error from server (AlreadyExists): services \"web\" already exists\n",
                shell.execute("kubectl expose deployment web --port=80").stderr());
        assertEquals("service/p\n", shell.execute("kubectl expose pod p -o name").stdout());
        assertEquals("service/web-np exposed (server dry run)\n",
                shell.execute("kubectl expose deploy web --name=web-np --type=NodePort --dry-run=server").stdout());
    }
}
