package io.kubelab.kubectl.rollout;

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

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl rollout on a live cluster: status waits in simulated time, history, undo, restart, pause, resume. */
class RolloutCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() throws Exception {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 11);
        shell = new Shell(cluster);
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("apps/v1", "Deployment"),
                "default", "").withBody((ObjectNode) JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}""")));
    }

    private void setImage(String image) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.PATCH, ResourceTypes.of("apps/v1", "Deployment"),
                "default", "web").withPatch(ApiRequest.PatchType.STRATEGIC, JSON.readTree(
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"" + image + "\"}]}}}}")));
    }

    @Test
    void statusWaitsForTheRolloutInSimulatedTime() {
        Instant before = cluster.clock().now();
        CommandResult r = shell.execute("kubectl rollout status deployment/web");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("Waiting for deployment \"web\" rollout to finish: 0 of 3 updated replicas are available...\n")
                || r.stdout().startsWith("Waiting for deployment spec update to be observed...\n")
                || r.stdout().startsWith("Waiting for deployment \"web\" rollout to finish: 0 out of 3 new replicas have been updated...\n"),
                r.stdout());
        assertTrue(r.stdout().endsWith("deployment \"web\" successfully rolled out\n"), r.stdout());
        assertTrue(cluster.clock().now().isAfter(before), "time moved on while kubectl waited");
        assertEquals("deployment \"web\" successfully rolled out\n", shell.execute("kubectl rollout status deploy web").stdout());
    }

    @Test
    void historyUndoAndRevisions() throws Exception {
        shell.execute("kubectl rollout status deployment/web");
        setImage("nginx:1.27");
        shell.execute("kubectl rollout status deployment/web");
        assertEquals("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
                shell.execute("kubectl rollout history deployment/web").stdout());
        String revision = shell.execute("kubectl rollout history deployment/web --revision=2").stdout();
        assertTrue(revision.startsWith("deployment.apps/web with revision #2\nPod Template:\n  Labels:\tapp=web\n"
                + "\tpod-template-hash="), revision);
        assertTrue(revision.contains("   nginx:\n    Image:\tnginx:1.27\n"), revision);
        assertTrue(revision.endsWith("\n\n"), revision);
        assertEquals("deployment.apps/web rolled back\n", shell.execute("kubectl rollout undo deployment/web").stdout());
        shell.execute("kubectl rollout status deployment/web");
        assertEquals("deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n",
                shell.execute("kubectl rollout history deployment/web").stdout());
        ObjectNode d = cluster.api().peek(ResourceTypes.of("apps/v1", "Deployment"), "default", "web").orElseThrow();
        assertEquals("nginx:1.26", d.at("/spec/template/spec/containers/0/image").asText());
        assertEquals("error: unable to find specified revision 9 in history\n",
                shell.execute("kubectl rollout undo deployment/web --to-revision=9").stderr());
    }

    @Test
    void pauseResumeAndRestart() {
        shell.execute("kubectl rollout status deployment/web");
        assertEquals("deployment.apps/web paused\n", shell.execute("kubectl rollout pause deployment/web").stdout());
        assertEquals("error: deployments.apps \"web\" is already paused\n",
                shell.execute("kubectl rollout pause deployment/web").stderr());
        assertEquals("error: deployments.apps \"web\" can't restart paused deployment (run rollout resume first)\n",
                shell.execute("kubectl rollout restart deployment/web").stderr());
        assertEquals("deployment.apps/web resumed\n", shell.execute("kubectl rollout resume deployment/web").stdout());
        assertEquals("deployment.apps/web restarted\n", shell.execute("kubectl rollout restart deployment/web").stdout());
        assertTrue(shell.execute("kubectl rollout status deployment/web").stdout().endsWith("successfully rolled out\n"));
        assertEquals("error: deployments.apps \"web\" is not paused\n",
                shell.execute("kubectl rollout resume deployment/web").stderr());
        assertEquals("error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n",
                shell.execute("kubectl rollout foo").stderr());
    }
}
