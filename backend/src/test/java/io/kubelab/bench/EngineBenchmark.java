package io.kubelab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.ParkedCluster;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The control plane's figures (docs/performance.md): bootstrap time, a pod create through the whole
 * pipeline, heap per bootstrapped sandbox. Prints; never fails. Run with
 * {@code mvn -pl backend -am test -Dtest=EngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EngineBenchmark {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void figures() throws Exception {
        System.out.println("figure | target | median | min | max");
        bootstrap();
        podCreate();
        heapPerSandbox();
    }

    private static void bootstrap() {
        for (int i = 0; i < 300; i++) {
            SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), i);
        }
        long[] runs = new long[200];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), i);
            runs[i] = System.nanoTime() - t;
        }
        print("sandbox bootstrap (copy of the installed template)", "<= 2 ms", runs, 1e6, "ms");
        for (int i = 0; i < 300; i++) {
            SimCluster.install(ClusterSpec.standard(), SimClock.manual(START), i);
        }
        long[] installs = new long[200];
        for (int i = 0; i < installs.length; i++) {
            long t = System.nanoTime();
            SimCluster.install(ClusterSpec.standard(), SimClock.manual(START), i);
            installs[i] = System.nanoTime() - t;
        }
        print("install through the API server, request by request (once per cluster shape)", "", installs, 1e6, "ms");
    }

    private static void podCreate() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), 7);
        ObjectNode pod = (ObjectNode) new ObjectMapper().readTree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                + "\"metadata\":{\"generateName\":\"web-\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":"
                + "[{\"name\":\"nginx\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80}]}]}}");
        ApiRequest request = ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("v1", "Pod"),
                "default", "").withBody(pod);
        for (int i = 0; i < 20_000; i++) {
            cluster.api().handle(request);
        }
        // Five rounds in fresh clusters, each after a full GC: otherwise the previous round's 2,000-pod cluster
        // (far larger than a student's) is collected during the next round on this 2-core machine, and the
        // figure measures the collector instead of the pipeline.
        long[] runs = new long[5 * 2_000];
        for (int round = 0; round < 5; round++) {
            usedAfterGc();
            cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), 100 + round);
            for (int i = 0; i < 2_000; i++) {
                long t = System.nanoTime();
                cluster.api().handle(request);
                runs[round * 2_000 + i] = System.nanoTime() - t;
            }
            long[] roundRuns = java.util.Arrays.copyOfRange(runs, round * 2_000, round * 2_000 + 2_000);
            java.util.Arrays.sort(roundRuns);
            System.out.printf("  (round %d median %.1f us, heap after GC %d MB)%n", round, roundRuns[1_000] / 1e3,
                    usedAfterGc() >> 20);
        }
        print("pod create through the pipeline (as the student, RBAC)", "<= 50 us", runs, 1e3, "us");
    }

    private static void heapPerSandbox() {
        int count = 500;
        List<SimCluster> keep = new ArrayList<>();
        long before = usedAfterGc();
        for (int i = 0; i < count; i++) {
            keep.add(SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), i));
        }
        long after = usedAfterGc();
        System.out.printf("heap per live bootstrapped sandbox (%d sandboxes) | | %.0f KB | | %n", count,
                (after - before) / 1024.0 / count);
        long bytes = 0;
        for (ObjectNode object : keep.get(0).store().list("/registry/", io.kubelab.store.ListOptions.all()).items()) {
            bytes += object.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        System.out.printf("stored objects per sandbox (%d objects, JSON) | | %.0f KB | | %n",
                keep.get(0).store().count("/registry/"), bytes / 1024.0);
        List<ParkedCluster> parked = new ArrayList<>();
        for (SimCluster cluster : keep) {
            parked.add(cluster.park());
        }
        keep.clear();
        long parkedHeap = usedAfterGc();
        System.out.printf("heap per idle (parked) sandbox (%d sandboxes) | <= 200 KB | %.1f KB | | %n", count,
                (parkedHeap - before) / 1024.0 / count);
        long[] wake = new long[200];
        for (int i = 0; i < wake.length; i++) {
            long t = System.nanoTime();
            SimCluster.wake(parked.get(i), SimClock.manual(START));
            wake[i] = System.nanoTime() - t;
        }
        print("wake a parked sandbox", "<= 50 ms (issue 8)", wake, 1e6, "ms");
        if (parked.size() != count) {
            throw new AssertionError();
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void print(String figure, String target, long[] nanos, double unit, String name) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s | %s | %.2f %s | %.2f | %.2f%n", figure, target, sorted[sorted.length / 2] / unit, name,
                sorted[0] / unit, sorted[sorted.length - 1] / unit);
    }
}
