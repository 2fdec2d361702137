package io.kubelab.bench;

import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A closed-loop HTTP load generator: {@code connections} requests in flight, each answered one followed at once
 * by the next, over kept-alive connections. Every callback runs on the client's one event loop, so the counters
 * need no locking. Latencies are recorded only in the measured window, after the warm-up.
 */
final class Load {

    private final HttpClientAgent http;
    private final RequestOptions options;
    private final long warmUpEnd;
    private final long end;
    private final long[] latencies = new long[1 << 22];
    private final CountDownLatch done;
    private int requests;
    private long bytes;
    private int errors;
    private long lastMeasured;

    private Load(HttpClientAgent http, RequestOptions options, int connections, long warmUpEnd, long end) {
        this.http = http;
        this.options = options;
        this.warmUpEnd = warmUpEnd;
        this.end = end;
        this.done = new CountDownLatch(connections);
    }

    /**
     * Runs the load; {@code cpu} reads the CPU time (ns) of every process involved (server and generator), read
     * when the warm-up ends and when the run ends: on a shared machine, CPU per request says more than the rate.
     */
    static KubeApiTableBenchmark.Figures run(HttpClientAgent http, int port, String uri, String token, String accept,
            int connections, int warmUpSeconds, int seconds, LongSupplier cpu) throws InterruptedException {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(uri).putHeader("Accept", accept);
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        Load load = new Load(http, options, connections, start + TimeUnit.SECONDS.toNanos(warmUpSeconds),
                start + TimeUnit.SECONDS.toNanos(warmUpSeconds + seconds));
        for (int i = 0; i < connections; i++) {
            load.next();
        }
        Thread.sleep(Math.max(0, (load.warmUpEnd - System.nanoTime()) / 1_000_000));
        long cpuAtStart = cpu.getAsLong();
        load.done.await(warmUpSeconds + seconds + 60L, TimeUnit.SECONDS);
        long cpuUsed = cpu.getAsLong() - cpuAtStart;
        double measured = (load.lastMeasured - load.warmUpEnd) / 1e9;
        return new KubeApiTableBenchmark.Figures(load.requests, measured, load.latencies,
                load.requests == 0 ? 0 : load.bytes / load.requests, load.errors, cpuUsed);
    }

    private void next() {
        long sent = System.nanoTime();
        if (sent >= end) {
            done.countDown();
            return;
        }
        // The body is counted as it arrives, not gathered: the generator shares the server's two cores.
        http.request(options).compose(req -> req.send().compose(resp -> {
            long[] length = {0};
            resp.handler(chunk -> length[0] += chunk.length());
            return resp.end().map(v -> {
                if (resp.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + resp.statusCode());
                }
                return length[0];
            });
        })).onComplete(result -> {
            long now = System.nanoTime();
            if (sent >= warmUpEnd && now < end) {
                lastMeasured = now;
                if (result.succeeded()) {
                    latencies[requests++] = now - sent;
                    bytes += result.result();
                } else {
                    errors++;
                }
            }
            next();
        });
    }
}
