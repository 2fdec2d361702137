package io.kubelab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Issue 5's figures, whole commands through the shell as the terminal runs them: {@code kubectl get pods} over
 * 100 running pods (target: at most 200 µs median) and a few everyday lines for comparison. Prints; never
 * fails. Run with {@code mvn -pl backend -am test -Dtest=KubectlBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KubectlBenchmark {

    @Test
    void figures() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 5);
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("apps/v1", "Deployment"),
                "default", "").withBody((ObjectNode) new ObjectMapper().readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                 "spec":{"replicas":100,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}""")));
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(10));
        Shell shell = new Shell(cluster);
        String pods = shell.execute("kubectl get pods").stdout();
        System.out.println("pods listed: " + (pods.split("\n").length - 1));
        System.out.println("figure | target | median | min | max");
        measure(shell, "kubectl get pods", "kubectl get pods (100 running pods)", "<= 200 µs", 2000);
        measure(shell, "kubectl get pods -o wide", "kubectl get pods -o wide", "-", 1000);
        measure(shell, "kubectl get deploy web -o yaml", "kubectl get deploy web -o yaml", "-", 2000);
        measure(shell, "kubectl get pods -o jsonpath='{.items[*].metadata.name}'", "get pods -o jsonpath (100 pods)", "-", 1000);
        measure(shell, "kubectl describe deploy web", "kubectl describe deploy web", "-", 1000);
        measure(shell, "kubectl get pods -o name | grep web | wc -l", "get pods -o name | grep | wc -l", "-", 1000);
    }

    private static void measure(Shell shell, String line, String figure, String target, int n) {
        for (int i = 0; i < n; i++) {
            shell.execute(line);
        }
        long[] runs = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            shell.execute(line);
            runs[i] = System.nanoTime() - t0;
        }
        Arrays.sort(runs);
        System.out.printf("%s | %s | %.1f µs | %.1f µs | %.1f µs%n", figure, target, runs[n / 2] / 1000.0,
                runs[0] / 1000.0, runs[n - 1] / 1000.0);
    }
}
