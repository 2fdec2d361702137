package io.kubelab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Issue 4's figures (docs/performance.md): settling a new deployment, the steady cost of running pods with
 * probes, and 10,000 pods settling. Prints; never fails. Run with
 * {@code mvn -pl backend -am test -Dtest=WorkloadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WorkloadBenchmark {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static String deployment(String name, int replicas, boolean probes) {
        String probe = probes ? ",\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":80},\"periodSeconds\":10},"
                + "\"livenessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":80},\"periodSeconds\":10}" : "";
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":"
                + "{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"template\":"
                + "{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"web\","
                + "\"image\":\"nginx:1.27\"" + probe + "}]}}}}";
    }

    static void create(SimCluster cluster, String json) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("apps/v1", "Deployment"),
                "default", "").withBody(new ObjectMapper().readTree(json)));
    }

    @Test
    void figures() throws Exception {
        System.out.println("figure | target | median | min | max");
        // -Dbench.pods=N sizes the big run (10,000 by default), to profile at smaller scales.
        settleDeployment();
        steadyPods();
        manyPods(Integer.getInteger("bench.pods", 10_000));
    }

    private static void settleDeployment() throws Exception {
        long[] cpu = new long[300];
        for (int i = -200; i < cpu.length; i++) {
            SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), i);
            long t = THREADS.getCurrentThreadCpuTime();
            create(cluster, deployment("web", 3, false));
            SimClock.Settled settled = cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
            long used = THREADS.getCurrentThreadCpuTime() - t;
            if (!settled.stable()) {
                throw new AssertionError("did not settle");
            }
            if (i >= 0) {
                cpu[i] = used;
            }
        }
        print("create + sim settle of a new 3-replica deployment (CPU)", "<= 1 ms", cpu, 1e6, "ms");
    }

    private static void steadyPods() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), 1);
        create(cluster, deployment("web", 100, true));
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(10));
        cluster.clock().advance(Duration.ofMinutes(10));
        long[] cpu = new long[30];
        for (int i = 0; i < cpu.length; i++) {
            long t = THREADS.getCurrentThreadCpuTime();
            cluster.clock().advance(Duration.ofSeconds(60));
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - t) / 60;
        }
        // CPU per simulated second is the share of one core it takes in realtime mode at speed 1.
        print("100 running pods with readiness and liveness probes, realtime (share of one core)", "<= 1 %", cpu,
                1e7, "%");
    }

    private static void manyPods(int pods) throws Exception {
        long[] wall = new long[3];
        int workers = Math.max(2, (pods + 109) / 110);
        for (int i = 0; i < wall.length; i++) {
            SimCluster cluster = SimCluster.create(ClusterSpec.withWorkers(workers), SimClock.manual(START), i);
            long t = System.nanoTime();
            create(cluster, deployment("big", pods, false));
            SimClock.Settled settled = cluster.clock().settle(cluster::stable, Duration.ofHours(1));
            wall[i] = System.nanoTime() - t;
            System.out.printf("  (run %d: %s, simulated %s, %d pods)%n", i, settled.stable() ? "settled" : "NOT settled",
                    settled.elapsed(), cluster.store().count("/registry/pods/"));
        }
        print(String.format("%,d pods in one sandbox settle (wall, %d nodes)", pods, workers + 1),
                pods == 10_000 ? "<= 2 s" : "", wall, 1e9, "s");
    }

    private static void print(String figure, String target, long[] nanos, double unit, String name) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s | %s | %.3f %s | %.3f | %.3f%n", figure, target, sorted[sorted.length / 2] / unit, name,
                sorted[0] / unit, sorted[sorted.length - 1] / unit);
    }
}
