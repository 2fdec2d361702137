package io.kubelab.k8sapi;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.server.HttpKubeExchange;
import io.kubelab.server.StreamUpgrade;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One sandbox on a manual clock, served over plain HTTP as {@code /k8s/{id}/} is, for the real kubectl: the
 * same {@link KubeApi}, the same exchange as the server's, without Hazelcast or authentication (a real kubectl
 * sends no token to an http server). Its {@link Shell} runs the same lines through our own kubectl, on the
 * same cluster, for differential tests. Requests and shell lines take the shell's lock, as on the server.
 */
public final class KubeApiHarness implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private final Vertx vertx = Vertx.vertx();
    private final SimCluster cluster;
    private final Shell shell;
    private final KubeApi api;
    private final HttpServer server;
    private final Path home;
    private final Path kubeconfig;
    private final java.util.concurrent.atomic.AtomicInteger caches = new java.util.concurrent.atomic.AtomicInteger();

    public KubeApiHarness() {
        this(ClusterSpec.standard(), 1);
    }

    public KubeApiHarness(ClusterSpec spec, long seed) {
        cluster = SimCluster.create(spec, SimClock.manual(START), seed);
        shell = new Shell(cluster);
        api = new KubeApi(cluster);
        try {
            home = Files.createTempDirectory("kubelab-kubectl");
            server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
                            .setWebSocketSubProtocols(StreamUpgrade.SUBPROTOCOLS))
                    .requestHandler(this::handle).listen(0, "127.0.0.1")
                    .await(30, TimeUnit.SECONDS);
            kubeconfig = home.resolve("config");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - cluster:
                        server: http://127.0.0.1:%d/k8s/harness
                      name: kubelab
                    contexts:
                    - context:
                        cluster: kubelab
                        namespace: default
                        user: student
                      name: kubelab
                    current-context: kubelab
                    users:
                    - name: student
                      user: {}
                    """.formatted(server.actualPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("harness did not start", e);
        }
    }

    public SimCluster cluster() {
        return cluster;
    }

    public Shell shell() {
        return shell;
    }

    public int port() {
        return server.actualPort();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A line through our own terminal's shell, on this cluster. */
    public CommandResult terminal(String line) {
        synchronized (shell) {
            return shell.execute(line);
        }
    }

    /** Lets the cluster settle (everything Running and Ready, rollouts done) on the manual clock. */
    public void settle() {
        synchronized (shell) {
            cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        }
    }

    public void advance(Duration duration) {
        synchronized (shell) {
            cluster.clock().advance(duration);
        }
    }

    /**
     * Runs the real kubectl with this harness's kubeconfig and a fresh discovery cache. Simulated time stands
     * still while it runs, unless {@code tick} is positive: then it moves on by {@code tick} every 20 ms of
     * wall time, for the commands that wait (rollout status, wait, delete --wait, get -w with a timeout).
     */
    public RealKubectl.Result kubectl(RealKubectl kubectl, List<String> args, String stdin, Map<String, String> env,
                                      Duration tick) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString(), "--cache-dir",
                home.resolve("cache-" + caches.getAndIncrement()).toString()));
        all.addAll(args);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread driver = null;
        if (!tick.isZero()) {
            driver = new Thread(() -> {
                while (running.get()) {
                    advance(tick);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "harness-clock");
            driver.setDaemon(true);
            driver.start();
        }
        try {
            return kubectl.run(all, stdin, env);
        } finally {
            running.set(false);
            if (driver != null) {
                driver.interrupt();
            }
        }
    }

    /**
     * Runs the real kubectl as {@link #kubectl(RealKubectl, List, String, Map, Duration)} does, and once
     * {@code after} of wall time has passed (time for it to list and start watching or waiting), runs
     * {@code terminalLine} through our terminal: a change that happens while kubectl watches or waits.
     */
    public RealKubectl.Result kubectlWhile(RealKubectl kubectl, List<String> args, Duration tick, Duration after,
                                           String terminalLine) {
        RealKubectl.Result[] result = new RealKubectl.Result[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread runner = new Thread(() -> {
            try {
                result[0] = kubectl(kubectl, args, "", Map.of(), tick);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "harness-kubectl");
        runner.start();
        try {
            Thread.sleep(after.toMillis());
            terminal(terminalLine);
            runner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    public RealKubectl.Result kubectl(RealKubectl kubectl, String... args) {
        return kubectl(kubectl, List.of(args), "", Map.of(), Duration.ZERO);
    }

    private void handle(HttpServerRequest http) {
        if (StreamUpgrade.wants(http)) {
            StreamUpgrade.serve(vertx, http, request(http, null), this::serve, this::underLock);
            return;
        }
        http.body().onSuccess(body -> serve(request(http, body), new HttpKubeExchange(vertx, http.response(),
                this::underLock)));
    }

    private static KubeRequest request(HttpServerRequest http, io.vertx.core.buffer.Buffer body) {
        String prefix = "/k8s/harness";
        String path = http.path().startsWith(prefix) ? http.path().substring(prefix.length()) : http.path();
        Map<String, List<String>> query = new LinkedHashMap<>();
        http.params().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        http.headers().names().forEach(name -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                String.join(",", http.headers().getAll(name))));
        return new KubeRequest(http.method().name(), path.isEmpty() ? "/" : path, query, headers,
                body == null ? new byte[0] : body.getBytes());
    }

    /** A request to the sandbox's API on a worker, under the shell's lock, as the server's bus does it. */
    private void serve(KubeRequest request, KubeExchange exchange) {
        vertx.executeBlocking(() -> {
            synchronized (shell) {
                api.serve(request, exchange);
            }
            return null;
        }, false);
    }

    private void underLock(Runnable release) {
        vertx.executeBlocking(() -> {
            synchronized (shell) {
                release.run();
            }
            return null;
        }, false);
    }

    @Override
    public void close() {
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing is best effort at the end of a test class
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

}
