package io.kubelab.kubectl.exec;

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

/** kubectl exec into the simulated images through pods/exec. */
class ExecCommandTest {

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
    void commandsRunInTheContainersImage() {
        CommandResult r = shell.execute("kubectl exec web -- cat /etc/hostname");
        assertEquals("web\n", r.stdout(), r.stderr());
        assertEquals(0, r.exitCode());
        CommandResult two = shell.execute("kubectl exec two -c side -- echo hi");
        assertEquals("hi\n", two.stdout(), two.stderr());
        assertEquals("Defaulted container \"app\" out of: app, side\n", shell.execute("kubectl exec two -- true").stderr());
    }

    @Test
    void failuresAsKubectlReportsThem() {
        CommandResult r = shell.execute("kubectl exec two -c side -- sh -c 'exit 3'");
        assertEquals("command terminated with exit code 3\n", r.stderr());
        assertEquals(3, r.exitCode());
        assertEquals("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n"
                + "See 'kubectl exec -h' for help and examples\n", shell.execute("kubectl exec web ls").stderr());
        assertEquals("Error from server (NotFound): pods \"nope\" not found\n", shell.execute("kubectl exec nope -- ls").stderr());
    }

    @Test
    void portForwardPrintsKubectlsLines() {
        assertEquals("Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n",
                shell.execute("kubectl port-forward pod/web 8080:80").stdout());
        assertEquals("Forwarding from 0.0.0.0:9000 -> 80\n",
                shell.execute("kubectl port-forward web 9000:80 --address 0.0.0.0").stdout());
        assertEquals("error: TYPE/NAME and list of ports are required for port-forward\n"
                + "See 'kubectl port-forward -h' for help and examples\n", shell.execute("kubectl port-forward web").stderr());
    }
}
