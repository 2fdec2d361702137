package io.kubelab.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class HealthAndMetricsTest {

    @Test
    void healthzAnswersUpWithTheClusterAsSeenFromThisMember(Vertx vertx) throws Exception {
        KubelabServer server = TestServers.shared();
        var response = client(vertx, server).get("/healthz").send().await(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.getHeader("Content-Type"));
        JsonObject body = response.bodyAsJsonObject();
        assertEquals("UP", body.getString("status"));
        assertEquals(1, body.getInteger("members"));
        assertEquals(server.memberId(), body.getString("member"));
    }

    @Test
    void metricsArePrometheusText(Vertx vertx) throws Exception {
        KubelabServer server = TestServers.shared();
        WebClient client = client(vertx, server);
        client.get("/healthz").send().await(10, TimeUnit.SECONDS);
        HttpResponse<?> response = client.get("/metrics").send().await(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.getHeader("Content-Type").startsWith("text/plain"), response.getHeader("Content-Type"));
        String text = response.bodyAsString();
        assertTrue(text.contains("# TYPE kubelab_sandboxes_hosted gauge"), text);
        assertTrue(text.contains("kubelab_cluster_members 1.0"), text);
        assertTrue(text.contains("vertx_http_server_requests_total"), "HTTP metrics missing");
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics missing");
    }

    @Test
    void drainingTurnsHealthzTo503ThenStops(Vertx vertx) throws Exception {
        KubelabServer server = TestServers.start(Map.of("KUBELAB_SHUTDOWN_DELAY", "2s"));
        WebClient client = client(vertx, server);
        assertEquals(200, client.get("/healthz").send().await(10, TimeUnit.SECONDS).statusCode());
        var stopped = server.stop();
        var response = client.get("/healthz").send().await(10, TimeUnit.SECONDS);
        assertEquals(503, response.statusCode());
        assertEquals("DRAINING", response.bodyAsJsonObject().getString("status"));
        var refused = client.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS);
        assertEquals(503, refused.statusCode(), "no new sandboxes on a member that is going away");
        assertEquals("5", refused.getHeader("Retry-After"));
        stopped.await(30, TimeUnit.SECONDS);
        assertThrows(Exception.class, () -> client.get("/healthz").send().await(5, TimeUnit.SECONDS),
                "the listener is closed after stop");
    }

    static WebClient client(Vertx vertx, KubelabServer server) {
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()).setFollowRedirects(false));
    }
}
