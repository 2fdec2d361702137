package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;


/** The real kubectl 1.32 against a sandbox's Kubernetes API prints what our terminal prints for the same line. */
class RealKubectlSmokeTest {

    private static KubeApiHarness harness;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        harness = new KubeApiHarness();
        harness.terminal("kubectl create deployment web --image=nginx --replicas=2");
        harness.terminal("kubectl run one --image=busybox -- sleep 3600");
        harness.settle();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void readsMatchTheTerminal() {
        Differential diff = new Differential(harness, kubectl);
        for (String line : List.of("get nodes", "get pods -A -o wide", "get all", "get deploy web -o yaml",
                "get pods --show-labels", "get pods -o name", "describe deployment web", "get ns",
                "api-resources", "get svc,deploy -A", "get pod nope", "get deploy -o jsonpath={.items[*].metadata.name}",
                "describe node node01", "get events", "explain pod.spec.restartPolicy",
                "get pods --sort-by=.metadata.name", "get cm -A", "top nodes")) {
            diff.same(line);
        }
        diff.assertNone();
    }
}
