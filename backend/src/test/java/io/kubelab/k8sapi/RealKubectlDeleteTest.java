package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * delete (by name, selector, --all, -f, forced, cascades, namespaces, finalizers) with the real kubectl 1.32
 * against our API, and our terminal's kubectl, on twin clusters.
 */
class RealKubectlDeleteTest {

    private static final Duration TICK = Duration.ofSeconds(1);

    private static TwinHarnesses twins;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        twins = new TwinHarnesses();
        twins.setup("kubectl create configmap c1 --from-literal=a=1",
                "kubectl create configmap c2 --from-literal=a=1",
                "kubectl create configmap c3 --from-literal=a=1",
                "kubectl label cm c2 c3 group=x",
                "kubectl create ns scratch",
                "kubectl create configmap s1 -n scratch",
                "kubectl create configmap s2 -n scratch",
                "kubectl create ns team",
                "kubectl create deployment inside -n team --image=nginx",
                "kubectl create deployment orphaned --image=nginx --replicas=2",
                "kubectl create deployment fore --image=nginx",
                "kubectl run forced --image=nginx",
                "kubectl run graceful --image=nginx").settle();
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @Test
    void deleteByNameSelectorAllAndFile() {
        String d = twins.dir + "/delete";
        twins.differential(kubectl)
                .same("delete cm c1")
                .same("delete cm c1")
                .same("delete cm c1 --ignore-not-found")
                .same("delete cm -l group=x --dry-run=server")
                .same("delete cm -l group=x")
                .same("delete cm -l group=nothing")
                .same("delete cm --all -n scratch")
                .same("delete cm")
                .file(d + "/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: filed\n")
                .same("create -f " + d + "/cm.yaml")
                .same("delete -f " + d + "/cm.yaml")
                .same("delete -f " + d + "/cm.yaml")
                .same("delete pod forced --grace-period=0 --force")
                .same("delete pod graceful --grace-period=1", "", TICK)
                .same("delete pod nothere --now")
                .same("get pods")
                .assertNone();
    }

    @Test
    void cascadesAndNamespaces() {
        twins.differential(kubectl)
                .same("delete deploy orphaned --cascade=orphan", "", TICK)
                .sameObjects("get rs -l app=orphaned -o jsonpath={.items[*].metadata.ownerReferences}")
                .same("delete deploy fore --cascade=foreground", "", TICK)
                .same("get deploy,rs -l app=fore")
                .same("delete ns team", "", TICK)
                .same("get ns team")
                .same("delete deploy orphaned --cascade=sideways")
                .assertNone();
    }

    @Test
    void deleteWaitsForAFinalizer() {
        String fin = "kubectl create configmap %s && kubectl patch cm %s --type=merge -p "
                + "'{\"metadata\":{\"finalizers\":[\"example.com/hold\"]}}'";
        twins.setup(fin.formatted("held", "held"), fin.formatted("waited", "waited"));
        // Both clients time out the same way while nothing removes the finalizer. client-go may log a line of its
        // own as the deadline cuts its watch (a race in the real kubectl): only kubectl's last line is compared.
        String timedOut = "error: timed out waiting for the condition on configmaps/held\n";
        RealKubectl.Result real = twins.real.kubectl(kubectl, List.of("delete", "cm", "held", "--timeout=1s"), "",
                Map.of(), Duration.ZERO);
        Assertions.assertEquals("configmap \"held\" deleted\n", real.stdout());
        Assertions.assertTrue(real.stderr().endsWith(timedOut), real.stderr());
        Assertions.assertEquals(1, real.exitCode());
        io.kubelab.shell.CommandResult ours = twins.ours.terminal("kubectl delete cm held --timeout=1s");
        Assertions.assertEquals(List.of(real.stdout(), timedOut, 1), List.of(ours.stdout(), ours.stderr(), ours.exitCode()));
        twins.differential(kubectl)
                .sameObjects("get cm held -o jsonpath={.metadata.deletionTimestamp}{.metadata.finalizers}")
                .assertNone();
        // The real kubectl's wait ends once a later step removes the finalizer.
        Thread remover = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            twins.real.terminal("kubectl patch cm waited --type=json -p '[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]'");
        });
        remover.start();
        RealKubectl.Result result = twins.real.kubectl(kubectl, List.of("delete", "cm", "waited"), "", Map.of(), TICK);
        Assertions.assertEquals(new RealKubectl.Result("configmap \"waited\" deleted\n", "", 0), result);
        Assertions.assertEquals("Error from server (NotFound): configmaps \"waited\" not found\n",
                twins.real.terminal("kubectl get cm waited").stderr());
    }
}
