package io.kubelab.k8sapi.protobuf;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/**
 * Decode time of kubectl's create-deployment body (deploy-port: one container, a port, 3 replicas). Prints; never
 * fails. Run with {@code mvn -o -pl backend test -Dtest=KubeProtobufBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KubeProtobufBenchmark {

    @Test
    void decodeCreateDeployment() throws Exception {
        byte[] body = KubeProtobufTest.captured("deploy-port");
        for (int i = 0; i < 20_000; i++) {
            KubeProtobuf.decode(body);
        }
        long[] runs = new long[2_000];
        for (int r = 0; r < runs.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                KubeProtobuf.decode(body);
            }
            runs[r] = (System.nanoTime() - t0) / 10;
        }
        Arrays.sort(runs);
        System.out.printf("protobuf decode of create deployment (%d bytes): median %.1f µs, p10 %.1f µs, p90 %.1f µs%n",
                body.length, runs[runs.length / 2] / 1e3, runs[runs.length / 10] / 1e3, runs[runs.length * 9 / 10] / 1e3);
    }
}
