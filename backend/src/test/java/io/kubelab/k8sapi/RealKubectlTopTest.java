package io.kubelab.k8sapi;

import io.kubelab.cluster.ClusterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/**
 * {@code kubectl top} once metrics-server serves {@code metrics.k8s.io} (and discovery with it): the real
 * kubectl over our HTTP API prints what our terminal prints.
 */
class RealKubectlTopTest {

    private static KubeApiHarness harness;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        harness = new KubeApiHarness(ClusterSpec.standard().withMetricsServer(true), 1);
        harness.terminal("kubectl create deployment web --image=nginx --replicas=2");
        harness.settle();
        // metrics-server scrapes every 15 s and needs two scrapes for a rate.
        harness.advance(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void topAndTheMetricsApi() {
        new Differential(harness, kubectl).sameReads(List.of("top nodes", "top node node01", "top nodes --no-headers",
                "top nodes --sort-by=memory", "top pods", "top pods -A", "top pods -n kube-system --sort-by=cpu",
                "top pods -A --containers", "top pods -l app=web", "top pod nope", "top nodes --show-capacity",
                "api-resources --api-group=metrics.k8s.io", "api-versions"))
                .assertNone();
    }
}
