package io.kubelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.server.KubelabServer;
import io.kubelab.server.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /k8s/{id}/api/v1/namespaces/default/pods} as a server-side Table (what kubectl get asks for) for a
 * namespace of 100 running pods, from a load generator with many connections in flight, against a whole
 * {@link KubelabServer}; then the same list from fabric8's kubernetes-server-mock in CRUD mode, seeded with the
 * same pods (it serves no Tables: a JSON PodList). The mock runs in a JVM of its own
 * ({@code backend/bench/fabric8-mock}), because its mockwebserver is built on Vert.x 4. Target: 5,000
 * requests/s on this 2-core machine. Prints; never fails. Run with
 * {@code mvn -o -pl backend -am test -Dtest=KubeApiTableBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.connections=32 -Dbench.seconds=10}; {@code -Dbench.jfr=target/kubeapi.jfr} records a JFR profile of
 * the Kubelab run).
 */
class KubeApiTableBenchmark {

    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
    private static final int PODS = 100;
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void figures() throws Exception {
        KubelabServer server = KubelabServer.start(ServerConfig.from(environment())).await(2, TimeUnit.MINUTES);
        Vertx loadVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClientAgent http = loadVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setMaxInitialLineLength(8192), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
        Process mock = null;
        try {
            Sandbox sandbox = sandbox(http, server.port());
            Path pods = Path.of("target", "bench", "pods-" + PODS + ".json");
            Files.createDirectories(pods.getParent());
            Buffer list = call(http, server.port(), HttpMethod.GET, sandbox.path("/api/v1/namespaces/default/pods"),
                    sandbox.token, "application/json", null).await(30, TimeUnit.SECONDS);
            Files.write(pods, list.getBytes());
            JsonNode table = JSON.readTree(call(http, server.port(), HttpMethod.GET,
                    sandbox.path("/api/v1/namespaces/default/pods"), sandbox.token, TABLE, null)
                    .await(30, TimeUnit.SECONDS).getBytes());
            System.out.printf("kubelab Table: %s with %d rows%n", table.path("kind").asText(),
                    table.path("rows").size());

            mock = startMock(pods);
            int mockPort = mockPort(mock);
            ProcessHandle mockProcess = mock.toHandle();

            Figures ours;
            try (Profile profile = Profile.start(System.getProperty("bench.jfr"))) {
                ours = Load.run(http, server.port(), sandbox.path("/api/v1/namespaces/default/pods"),
                        sandbox.token, TABLE, CONNECTIONS, WARM_UP_SECONDS, SECONDS, () -> cpu(mockProcess));
            }
            Figures theirs = Load.run(http, mockPort, "/api/v1/namespaces/default/pods", null, "application/json",
                    CONNECTIONS, WARM_UP_SECONDS, SECONDS, () -> cpu(mockProcess));
            System.out.printf("%d connections, %d s after %d s warm-up, %d cores%n", CONNECTIONS, SECONDS,
                    WARM_UP_SECONDS, Runtime.getRuntime().availableProcessors());
            System.out.println("server | serves | requests/s | p50 | p95 | p99 | bytes/response | errors"
                    + " | CPU per request (both JVMs) | 2 cores / CPU per request");
            System.out.println(ours.row("Kubelab (target >= 5,000/s)", "Table v1, 100 rows + metadata"));
            System.out.println(theirs.row("fabric8 kubernetes-server-mock (CRUD)", "JSON PodList, 100 pods"));
            System.out.printf("ratio Kubelab / mock: %.2f x requests/s, %.2f x by CPU per request%n",
                    ours.rate() / theirs.rate(), theirs.cpuPerRequest() / ours.cpuPerRequest());
        } finally {
            if (mock != null) {
                mock.getOutputStream().close();
                mock.destroy();
            }
            loadVertx.close().await(30, TimeUnit.SECONDS);
            server.stop().await(1, TimeUnit.MINUTES);
        }
    }

    /** A JFR recording (profile settings) of what runs inside it, when a file is named. */
    private record Profile(jdk.jfr.Recording recording, String file) implements AutoCloseable {
        static Profile start(String file) throws IOException, java.text.ParseException {
            if (file == null) {
                return new Profile(null, null);
            }
            jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
            return new Profile(recording, file);
        }

        @Override
        public void close() throws IOException {
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(file));
                recording.close();
                System.out.println("profile: " + Path.of(file).toAbsolutePath());
            }
        }
    }

    private record Sandbox(String id, String token) {
        String path(String rest) {
            return "/k8s/" + id + rest;
        }
    }

    /** A sandbox with a 100-replica Deployment whose pods all run. */
    private static Sandbox sandbox(HttpClientAgent http, int port) throws Exception {
        JsonNode created = JSON.readTree(call(http, port, HttpMethod.POST, "/api/v1/sandboxes", null, null, null)
                .await(30, TimeUnit.SECONDS).getBytes());
        Sandbox sandbox = new Sandbox(created.path("id").asText(), created.path("token").asText());
        String deployment = """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":
                 {"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}
                """.formatted(PODS);
        call(http, port, HttpMethod.POST, sandbox.path("/apis/apps/v1/namespaces/default/deployments"),
                sandbox.token, "application/json", deployment).await(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int running = 0;
        while (System.nanoTime() < deadline) {
            JsonNode pods = JSON.readTree(call(http, port, HttpMethod.GET,
                    sandbox.path("/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning"),
                    sandbox.token, "application/json", null).await(30, TimeUnit.SECONDS).getBytes());
            running = pods.path("items").size();
            if (running == PODS) {
                return sandbox;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("only " + running + " of " + PODS + " pods run");
    }

    static Future<Buffer> call(HttpClientAgent http, int port, HttpMethod method, String uri, String token,
            String accept, String body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(uri);
        return http.request(options).compose(req -> {
            if (token != null) {
                req.putHeader("Authorization", "Bearer " + token);
            }
            if (accept != null) {
                req.putHeader("Accept", accept);
            }
            if (body != null) {
                req.putHeader("Content-Type", "application/json");
            }
            return (body == null ? req.send() : req.send(body)).compose(resp -> resp.body().compose(b ->
                    resp.statusCode() / 100 == 2 ? Future.succeededFuture(b)
                            : Future.failedFuture(method + " " + uri + ": " + resp.statusCode() + " " + b)));
        });
    }

    private static Process startMock(Path pods) throws IOException, InterruptedException {
        Path module = Path.of("bench", "fabric8-mock");
        if (!Files.isDirectory(module)) {
            module = Path.of("backend", "bench", "fabric8-mock");
        }
        Path classpath = module.resolve("target").resolve("classpath.txt");
        Process build = new ProcessBuilder("mvn", "-o", "-q", "-B", "-f", module.resolve("pom.xml").toString(),
                "compile", "dependency:build-classpath", "-Dmdep.outputFile=" + classpath.toAbsolutePath())
                .redirectErrorStream(true).start();
        String buildOutput = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (build.waitFor() != 0) {
            throw new IllegalStateException("the fabric8 mock did not build:\n" + buildOutput);
        }
        String cp = module.resolve("target").resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(classpath).strip();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", cp, "io.kubelab.bench.mock.Fabric8MockServer",
                pods.toAbsolutePath().toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int mockPort(Process mock) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            System.out.println("mock: " + line);
            if (line.startsWith("port ")) {
                return Integer.parseInt(line.substring(5).strip());
            }
        }
        throw new IllegalStateException("the fabric8 mock ended before it served");
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("KUBELAB_K8S_PORT", "0");
        env.put("HOST", "127.0.0.1");
        env.put("KUBELAB_HZ_PORT", Integer.toString(freePort()));
        env.put("KUBELAB_DATA", Path.of("target", "test-data", UUID.randomUUID().toString()).toString());
        return env;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What one load run measured. */
    /** CPU time (ns) of this JVM (server and load generator) and of the mock's JVM. */
    private static long cpu(ProcessHandle mock) {
        long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        return own + mock.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    record Figures(int requests, double seconds, long[] latencies, long bytes, int errors, long cpuNanos) {
        double rate() {
            return requests / seconds;
        }

        double cpuPerRequest() {
            return cpuNanos / (double) requests;
        }

        String row(String server, String serves) {
            long[] sorted = Arrays.copyOf(latencies, requests);
            Arrays.sort(sorted);
            return String.format("%s | %s | %,.0f | %s | %s | %s | %,d | %d | %.0f µs | %,.0f/s", server, serves,
                    rate(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), bytes, errors, cpuPerRequest() / 1e3,
                    2e9 / cpuPerRequest());
        }

        private static String ms(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return "-";
            }
            return String.format("%.2f ms", sorted[(int) Math.min(sorted.length - 1, sorted.length * quantile)] / 1e6);
        }
    }
}
