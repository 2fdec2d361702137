package io.kubelab.kubectl.logs;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl logs on a live cluster: names, workloads, containers, and kubectl's messages. */
class LogsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SimCluster cluster;
    private static Shell shell;

    @BeforeAll
    static void cluster() throws Exception {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 7);
        shell = new Shell(cluster);
        create("v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},
                 "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}""");
        create("v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"two"},
                 "spec":{"containers":[{"name":"app","image":"nginx:1.27"},
                                       {"name":"side","image":"busybox:1.36","command":["sh","-c","echo side up; sleep 3600"]}]}}""");
        create("apps/v1", "Deployment", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"api"}},
                  "template":{"metadata":{"labels":{"app":"api"}},
                   "spec":{"containers":[{"name":"httpd","image":"httpd:2.4"}]}}}}""");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
    }

    private static void create(String apiVersion, String kind, String json) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of(apiVersion, kind),
                "default", "").withBody((ObjectNode) JSON.readTree(json)));
    }

    @Test
    void aPodsLogIsItsContainersOutput() {
        CommandResult r = shell.execute("kubectl logs web");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("Configuration complete; ready for start up"), r.stdout());
        assertEquals("", r.stderr());
        String tail = shell.execute("kubectl logs web --tail=1").stdout();
        assertEquals(1, tail.split("\n").length, tail);
    }

    @Test
    void theFirstContainerIsTheDefaultWithKubectlsNotice() {
        CommandResult r = shell.execute("kubectl logs two");
        assertEquals("Defaulted container \"app\" out of: app, side\n", r.stderr());
        assertEquals("side up\n", shell.execute("kubectl logs two -c side").stdout());
        assertEquals("side up\n", shell.execute("kubectl logs two side").stdout());
        assertTrue(shell.execute("kubectl logs two --all-containers").stdout().endsWith("side up\n"));
        assertEquals("[pod/two/side] side up\n", shell.execute("kubectl logs two -c side --prefix").stdout());
    }

    @Test
    void aWorkloadsLogIsOneOfItsPods() {
        CommandResult r = shell.execute("kubectl logs deploy/api");
        assertTrue(r.stderr().matches("Found 2 pods, using pod/api-[a-z0-9]+-[a-z0-9]{5}\n"), r.stderr());
        assertTrue(r.stdout().contains("AH00094: Command line: 'httpd -D FOREGROUND'"), r.stdout());
    }

    @Test
    void errorsInKubectlsWords() {
        assertEquals("Error from server (NotFound): pods \"nope\" not found\n", shell.execute("kubectl logs nope").stderr());
        assertEquals("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
                + "POD or TYPE/NAME is a required argument for the logs command\n"
                + "See 'kubectl logs -h' for help and examples\n", shell.execute("kubectl logs").stderr());
        assertEquals("Error from server (BadRequest): container nope is not valid for pod web\n",
                shell.execute("kubectl logs web -c nope").stderr());
    }
}
