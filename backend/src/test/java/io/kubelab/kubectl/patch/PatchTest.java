package io.kubelab.kubectl.patch;

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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl patch} with each patch type, its lines and kubectl 1.32's errors. */
class PatchTest {

    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 13);
        shell = new Shell(cluster);
        shell.execute("kubectl create deployment web --image=nginx");
    }

    private JsonNode web() {
        return cluster.api().peek(ResourceTypes.of("apps/v1", "Deployment"), "default", "web").orElseThrow();
    }

    @Test
    void patchesAndSaysWhenNothingChanged() {
        assertEquals("deployment.apps/web patched\n",
                shell.execute("kubectl patch deployment web -p '{\"spec\":{\"replicas\":3}}'").stdout());
        assertEquals(3, web().path("spec").path("replicas").asInt());
        assertEquals("deployment.apps/web patched (no change)\n",
                shell.execute("kubectl patch deployment web -p '{\"spec\":{\"replicas\":3}}'").stdout());
        assertEquals("deployment.apps/web patched\n", shell.execute("kubectl patch deploy/web --type=json "
                + "-p '[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"nginx:1.27\"}]'").stdout());
        assertEquals("nginx:1.27", web().path("spec").path("template").path("spec").path("containers").get(0)
                .path("image").asText());
        assertEquals("deployment.apps/web patched\n", shell.execute("kubectl patch deployment web --type=merge "
                + "-p 'spec: {minReadySeconds: 5}'").stdout(), "YAML patches are accepted");
        assertEquals(5, web().path("spec").path("minReadySeconds").asInt());
    }

    @Test
    void dryRunsAndTheScaleSubresource() {
        assertEquals("deployment.apps/web patched (dry run)\n",
                shell.execute("kubectl patch deployment web -p '{\"spec\":{\"replicas\":4}}' --dry-run=client").stdout());
        assertEquals("deployment.apps/web patched (no change) (dry run)\n",
                shell.execute("kubectl patch deployment web -p '{\"spec\":{\"replicas\":1}}' --dry-run=client").stdout());
        assertEquals("deployment.apps/web patched (server dry run)\n",
                shell.execute("kubectl patch deployment web -p '{\"spec\":{\"replicas\":4}}' --dry-run=server").stdout());
        assertEquals(1, web().path("spec").path("replicas").asInt());
        CommandResult scaled = shell.execute("kubectl patch deployment web --subresource=scale --type=merge "
                + "-p '{\"spec\":{\"replicas\":2}}'");
        assertEquals("scale.autoscaling/web patched\n", scaled.stdout());
        assertEquals(2, web().path("spec").path("replicas").asInt());
    }

    @Test
    void errorsAsKubectlPrintsThem() {
        assertEquals("error: must specify --patch or --patch-file containing the contents of the patch\n",
                shell.execute("kubectl patch deployment web").stderr());
        assertEquals("error: --type must be one of [json merge strategic], not \"foo\"\n",
                shell.execute("kubectl patch deployment web -p '{}' --type=foo").stderr());
        assertEquals("error: resource(s) were provided, but no name was specified\n",
                shell.execute("kubectl patch deployment -p '{}'").stderr());
        assertEquals("error: cannot specify --patch and --patch-file together\n",
                shell.execute("kubectl patch deployment web -p '{}' --patch-file=x").stderr());
        assertEquals("error: unable to read patch file: open nofile: no such file or directory\n",
                shell.execute("kubectl patch deployment web --patch-file=nofile").stderr());
        assertEquals("Error from server (NotFound): deployments.apps \"nope\" not found\n",
                shell.execute("kubectl patch deployment nope -p '{\"spec\":{\"replicas\":2}}'").stderr());
        assertEquals("error: replace operation does not apply: doc is missing path: /spec/nope/x: missing value\n",
                shell.execute("kubectl patch deployment web --type=json --dry-run=client "
                        + "-p '[{\"op\":\"replace\",\"path\":\"/spec/nope/x\",\"value\":5}]'").stderr());
    }
}
