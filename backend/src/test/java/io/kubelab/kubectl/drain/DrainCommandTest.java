package io.kubelab.kubectl.drain;

import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl cordon}, {@code uncordon} and {@code drain} through the shell; texts checked against kubectl 1.32. */
class DrainCommandTest {

    private static void expect(VerbCluster c, String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    private static String kubeProxyOf(VerbCluster c, String node) {
        return c.cluster.api().peekAll(io.kubelab.model.ResourceTypes.of("v1", "Pod"), "kube-system").stream()
                .filter(p -> p.path("spec").path("nodeName").asText().equals(node))
                .map(p -> p.path("metadata").path("name").asText())
                .filter(n -> n.startsWith("kube-proxy-")).findFirst().orElseThrow();
    }

    @Test
    void cordonAndUncordon() {
        VerbCluster c = new VerbCluster(9);
        expect(c, "kubectl cordon", "", "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", 1);
        expect(c, "kubectl drain node01 -l a=b", "", "error: error: cannot specify both a node name and a --selector option\n"
                + "See 'kubectl drain -h' for help and examples\n", 1);
        expect(c, "kubectl cordon node09", "", "Error from server (NotFound): nodes \"node09\" not found\n", 1);
        expect(c, "kubectl cordon node01 --dry-run=client", "node/node01 cordoned (dry run)\n", "", 0);
        expect(c, "kubectl uncordon node01", "node/node01 already uncordoned\n", "", 0);
        expect(c, "kubectl cordon node01", "node/node01 cordoned\n", "", 0);
        assertTrue(c.get("v1", "Node", "", "node01").orElseThrow().path("spec").path("unschedulable").asBoolean());
        expect(c, "kubectl cordon node/node01", "node/node01 already cordoned\n", "", 0);
        expect(c, "kubectl uncordon node01", "node/node01 uncordoned\n", "", 0);
        assertTrue(c.get("v1", "Node", "", "node01").orElseThrow().path("spec").path("unschedulable").isMissingNode());
    }

    @Test
    void podsThatBlockADrain() {
        VerbCluster c = new VerbCluster(10);
        c.create("{apiVersion: v1, kind: Pod, metadata: {name: solo}, spec: {nodeName: node01, containers: [{name: c, image: nginx}]}}");
        c.settle();
        String proxy = kubeProxyOf(c, "node01");
        expect(c, "kubectl drain node01", "node/node01 cordoned\n",
                "error: unable to drain node \"node01\" due to error: [cannot delete cannot delete Pods that declare no "
                        + "controller (use --force to override): default/solo, cannot delete DaemonSet-managed Pods (use "
                        + "--ignore-daemonsets to ignore): kube-system/" + proxy + "], continuing command...\n"
                        + "There are pending nodes to be drained:\n node01\n"
                        + "cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo\n"
                        + "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/" + proxy + "\n", 1);
        expect(c, "kubectl drain node01 --ignore-daemonsets --dry-run=client", "node/node01 already cordoned (dry run)\n",
                "error: unable to drain node \"node01\" due to error: cannot delete cannot delete Pods that declare no "
                        + "controller (use --force to override): default/solo, continuing command...\n"
                        + "There are pending nodes to be drained:\n node01\n"
                        + "cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo\n", 1);
        expect(c, "kubectl drain node01 --ignore-daemonsets --force --dry-run=client",
                "node/node01 already cordoned (dry run)\nevicting pod default/solo (dry run)\nnode/node01 drained (dry run)\n",
                "Warning: deleting Pods that declare no controller: default/solo; ignoring DaemonSet-managed Pods: kube-system/"
                        + proxy + "\n", 0);
    }

    @Test
    void evictionsWaitForTheBudgetInSimulatedTime() {
        VerbCluster c = new VerbCluster(11);
        c.create(VerbCluster.deployment("web", 2));
        c.create("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web}
                spec:
                  minAvailable: 2
                  selector: {matchLabels: {app: web}}
                """);
        c.settle();
        var pods = c.cluster.api().peekAll(io.kubelab.model.ResourceTypes.of("v1", "Pod"), "default");
        String node = pods.get(0).path("spec").path("nodeName").asText();
        CommandResult r = c.run("kubectl drain " + node + " --ignore-daemonsets --timeout=30s");
        assertTrue(r.stdout().startsWith("node/" + node + " cordoned\nevicting pod default/web-"), r.stdout());
        assertTrue(r.stderr().contains("(will retry after 5s): Cannot evict pod as it would violate the pod's "
                + "disruption budget.\n"), r.stderr());
        assertTrue(r.stderr().contains("global timeout reached: 30s"), r.stderr());
        assertTrue(r.stderr().contains("There are pending nodes to be drained:\n " + node + "\n"), r.stderr());
        assertEquals(1, r.exitCode());
        c.run("kubectl delete pdb web");
        CommandResult ok = c.run("kubectl drain " + node + " --ignore-daemonsets");
        assertTrue(ok.stdout().startsWith("node/" + node + " already cordoned\nevicting pod default/web-"), ok.stdout());
        assertTrue(ok.stdout().contains(" evicted\n"), ok.stdout());
        assertTrue(ok.stdout().endsWith("node/" + node + " drained\n"), ok.stdout());
        assertTrue(ok.stderr().startsWith("Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-"), ok.stderr());
        assertEquals(0, ok.exitCode());
        c.settle();
        assertTrue(c.cluster.api().peekAll(io.kubelab.model.ResourceTypes.of("v1", "Pod"), "default").stream()
                .noneMatch(p -> p.path("spec").path("nodeName").asText().equals(node)), "nothing runs on the drained node");
    }
}
