package io.kubelab.kubectl.get;

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

/** kubectl get through the shell on a live cluster: tables, formats, errors, messages. */
class GetCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Shell shell;

    @BeforeAll
    static void cluster() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 21);
        shell = new Shell(cluster);
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("apps/v1", "Deployment"),
                "default", "").withBody((ObjectNode) JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}""")));
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        cluster.clock().advance(Duration.ofMinutes(3));
    }

    private static String out(String line) {
        CommandResult r = shell.execute(line);
        assertEquals(0, r.exitCode(), line + ": " + r.stderr());
        return r.stdout();
    }

    @Test
    void tablesOfOneAndSeveralKinds() {
        String pods = out("kubectl get pods");
        assertTrue(pods.startsWith("NAME                   READY   STATUS    RESTARTS   AGE\nweb-"), pods);
        assertEquals(3, pods.split("\n").length, pods);
        assertTrue(out("kubectl get deploy").matches("NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           \\d+m\\d*s?\n"));
        String nodes = out("kubectl get no");
        assertTrue(nodes.contains("controlplane   Ready    control-plane"), nodes);
        String all = out("kubectl get all");
        assertTrue(all.contains("\nNAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes "), all);
        assertTrue(all.contains("deployment.apps/web   2/2"), all);
        assertTrue(out("kubectl get pods -o wide").contains(" IP "));
        assertTrue(out("kubectl get pods --show-labels").contains("app=web,pod-template-hash="));
        assertTrue(out("kubectl get pods -A").startsWith("NAMESPACE     NAME "));
    }

    @Test
    void formats() {
        String name = out("kubectl get deploy web -o name");
        assertEquals("deployment.apps/web\n", name);
        assertTrue(out("kubectl get deploy web -o yaml").startsWith("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"));
        assertTrue(out("kubectl get pods -o yaml").startsWith("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n"));
        assertEquals("web", out("kubectl get deploy web -o jsonpath={.metadata.name}"));
        assertEquals("2\n", out("kubectl get deploy web -o go-template='{{.spec.replicas}}{{\"\\n\"}}'"));
        assertTrue(out("kubectl get deploy -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[*].image")
                .equals("NAME   IMAGE\nweb    nginx:1.27\n"));
        String sorted = out("kubectl get pods -n kube-system --sort-by=.metadata.name -o name");
        assertTrue(sorted.startsWith("pod/coredns-"), sorted);
    }

    @Test
    void messagesAndErrors() {
        CommandResult none = shell.execute("kubectl get pods -n empty");
        assertEquals("No resources found in empty namespace.\n", none.stderr());
        assertEquals(0, none.exitCode());
        CommandResult missing = shell.execute("kubectl get pod nope");
        assertEquals("Error from server (NotFound): pods \"nope\" not found\n", missing.stderr());
        assertEquals(1, missing.exitCode());
        assertEquals("error: the server doesn't have a resource type \"foo\"\n", shell.execute("kubectl get foo").stderr());
        assertEquals("error: a resource cannot be retrieved by name across all namespaces\n",
                shell.execute("kubectl get pod x -A").stderr());
        assertTrue(shell.execute("kubectl get").stderr().startsWith("You must specify the type of resource to get."));
        assertEquals("", shell.execute("kubectl get pod nope --ignore-not-found").stderr());
    }

    @Test
    void describeByNameAndPrefix() {
        String d = out("kubectl describe deploy web");
        assertTrue(d.startsWith("Name:                   web\nNamespace:              default\n"), d);
        assertTrue(d.contains("\nEvents:\n"), d);
        String pods = out("kubectl describe pods web");
        assertEquals(2, pods.split("\n\n\nName:").length + (pods.startsWith("Name:") ? 0 : 0), pods);
        assertEquals("Error from server (NotFound): pods \"zzz\" not found\n", shell.execute("kubectl describe pod zzz").stderr());
    }

    @Test
    void watchPrintsTheListThenEveryChangeForAMinuteOfSimulatedTime() {
        shell.execute("kubectl create namespace watched");
        shell.execute("kubectl create deployment api --image=nginx -n watched");
        String watched = out("kubectl get pods -n watched -w");
        String[] lines = watched.split("\n");
        assertTrue(lines[0].startsWith("NAME "), watched);
        assertTrue(lines.length >= 3, "the new pod's changes follow the list: " + watched);
        assertTrue(watched.contains("ContainerCreating") || watched.contains("Pending"), watched);
        assertTrue(lines[lines.length - 1].contains("Running"), watched);
        assertEquals("error: watch is only supported on individual resources and resource collections, but 2 resources "
                + "were found\n", shell.execute("kubectl get pods,svc -w").stderr());
    }
}
