package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * autoscaling/v1 beside autoscaling/v2 with the real kubectl 1.32 and our terminal on twin clusters: discovery
 * shows only the preferred version, {@code hpa} means v2, {@code hpa.v1.autoscaling} reads the same stored
 * object converted, and writes through v1 (kubectl autoscale, apply of a v1 manifest) store v2.
 */
class RealKubectlHpaV1Test {

    private static TwinHarnesses twins;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        twins = new TwinHarnesses();
        twins.setup("kubectl create deployment web --image=nginx --replicas=2",
                "kubectl create deployment api --image=httpd").settle();
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @Test
    void readsAndWritesThroughBothVersions() {
        String manifest = twins.dir + "/hpa-v1.yaml";
        twins.differential(kubectl)
                .same("autoscale deploy web --min=2 --max=5 --cpu-percent=80")
                .same("api-resources --api-group=autoscaling")
                .same("api-versions")
                .same("get hpa")
                .same("get hpa.v1.autoscaling")
                .same("get hpa.v2.autoscaling -o wide")
                .same("get hpa.v1.autoscaling web -o yaml")
                .same("get horizontalpodautoscalers.v1.autoscaling web -o yaml")
                .same("get horizontalpodautoscaler.v1.autoscaling -o json")
                .same("get horizontalpodautoscalers.v1.autoscaling web -o jsonpath={.spec.targetCPUUtilizationPercentage}")
                .file(manifest, """
                        apiVersion: autoscaling/v1
                        kind: HorizontalPodAutoscaler
                        metadata:
                          name: api
                        spec:
                          scaleTargetRef:
                            apiVersion: apps/v1
                            kind: Deployment
                            name: api
                          maxReplicas: 4
                        """)
                .same("apply -f " + manifest)
                .same("get hpa api -o jsonpath={.spec.metrics}")
                .same("get HorizontalPodAutoscaler.v1.autoscaling api -o yaml")
                .same("patch horizontalpodautoscalers.v1.autoscaling api -p {\"spec\":{\"targetCPUUtilizationPercentage\":60}}")
                .same("get hpa api -o jsonpath={.spec.metrics}")
                .sameObjects("get hpa -o yaml")
                .same("describe hpa api")
                .same("describe horizontalpodautoscalers.v1.autoscaling api")
                .same("delete horizontalpodautoscalers.v1.autoscaling api")
                .assertNone();
    }
}
