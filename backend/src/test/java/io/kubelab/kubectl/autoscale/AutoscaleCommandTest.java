package io.kubelab.kubectl.autoscale;

import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl autoscale} through the shell; texts and objects checked against kubectl 1.32. */
class AutoscaleCommandTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(7);
        c.create(VerbCluster.deployment("web", 2));
        c.create(VerbCluster.pod("solo", "app: solo"));
        c.settle();
    }

    private static void expect(String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl autoscale deploy web                      | error: required flag(s) "max" not set
            kubectl autoscale deploy web --max=5 --min=7      | error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 5, min: 7
            kubectl autoscale deploy web --max=0              | error: --max=MAXPODS is required and must be at least 1, max: 0
            kubectl autoscale pod solo --max=3                | error: cannot autoscale a Pod: could not find scale subresource for /v1, Resource=pods in discovery information
            kubectl autoscale deploy --max=3                  | error: resource(s) were provided, but no name was specified
            kubectl autoscale deploy nope --max=3             | Error from server (NotFound): deployments.apps "nope" not found
            """)
    void refusals(String line, String stderr) {
        expect(line, "", stderr + "\n", 1);
    }

    @Test
    void theObjectKubectlSends() {
        expect("kubectl autoscale deploy web --min=2 --max=5 --cpu-percent=80 --dry-run=client -o yaml", """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata:
                  creationTimestamp: null
                  name: web
                spec:
                  maxReplicas: 5
                  minReplicas: 2
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  targetCPUUtilizationPercentage: 80
                status:
                  currentReplicas: 0
                  desiredReplicas: 0
                """, "", 0);
        expect("kubectl autoscale deploy web --max=5 --name=x --dry-run=client",
                "horizontalpodautoscaler.autoscaling/x created (dry run)\n", "", 0);
    }

    @Test
    void createsTheAutoscaler() {
        expect("kubectl autoscale deployment/web --min=1 --max=4 --cpu-percent=50",
                "horizontalpodautoscaler.autoscaling/web autoscaled\n", "", 0);
        var hpa = c.get("autoscaling/v2", "HorizontalPodAutoscaler", "default", "web").orElseThrow();
        assertEquals(4, hpa.path("spec").path("maxReplicas").asInt());
        assertEquals(50, hpa.path("spec").path("metrics").path(0).path("resource").path("target")
                .path("averageUtilization").asInt());
        expect("kubectl autoscale deployment/web --max=4", "",
                "Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling \"web\" already exists\n", 1);
    }
}
