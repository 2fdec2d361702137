package io.kubelab.server;

import io.kubelab.k8sapi.RealKubectl;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real kubectl with the kubeconfig the server hands out: TLS with the pinned certificate, the sandbox's
 * token, and exec's WebSocket through {@code KubeRoutes}, the bus and the sandbox's lock.
 */
@ExtendWith(VertxExtension.class)
class RealKubectlServerStreamTest {

    @Test
    void execAndProxyOverTheServersOwnTlsListener(Vertx vertx) throws Exception {
        RealKubectl kubectl = RealKubectl.version(32);
        KubelabServer server = TestServers.shared();
        WebClient client = HealthAndMetricsTest.client(vertx, server);
        JsonObject sandbox = client.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        String id = sandbox.getString("id");
        String token = sandbox.getString("token");
        for (String line : List.of("kubectl run web --image=nginx --port=80", "sim advance 2m")) {
            client.post("/api/v1/sandboxes/" + id + "/exec").bearerTokenAuthentication(token)
                    .sendJsonObject(new JsonObject().put("command", line)).await(10, TimeUnit.SECONDS);
        }
        HttpResponse<Buffer> config = client.get("/api/v1/sandboxes/" + id + "/kubeconfig")
                .bearerTokenAuthentication(token).send().await(10, TimeUnit.SECONDS);
        assertEquals(200, config.statusCode(), config.bodyAsString());
        Path home = Files.createTempDirectory("kubelab-server-kubectl");
        Path kubeconfig = home.resolve("config");
        Files.writeString(kubeconfig, config.bodyAsString());
        try {
            List<String> base = List.of("--kubeconfig", kubeconfig.toString(), "--cache-dir", home.resolve("cache").toString());
            RealKubectl.Result exec = kubectl.run(concat(base, List.of("exec", "-i", "web", "--", "sh", "-c", "cat; exit 2")),
                    "piped\n", Map.of());
            assertEquals(List.of("piped\n", "command terminated with exit code 2\n", 2),
                    List.of(exec.stdout(), exec.stderr(), exec.exitCode()));
            // get --raw takes its path from the host's root (client-go's RequestURI drops the server URL's path).
            RealKubectl.Result proxy = kubectl.run(concat(base, List.of("get", "--raw",
                    "/k8s/" + id + "/api/v1/namespaces/default/pods/web/proxy/")), "", Map.of());
            assertEquals(List.of("<!DOCTYPE html>", "", 0), List.of(proxy.stdout().substring(0,
                    Math.min(15, proxy.stdout().length())), proxy.stderr(), proxy.exitCode()));
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
