package io.kubelab.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /k8s/{id}/.../exec} over the server's own routes: the token first, then the WebSocket through the bus. */
@ExtendWith(VertxExtension.class)
class KubeStreamRoutesTest {

    @Test
    void execRunsInTheSandboxOnlyWithItsToken(Vertx vertx) throws Exception {
        KubelabServer server = TestServers.shared();
        WebClient client = HealthAndMetricsTest.client(vertx, server);
        JsonObject sandbox = client.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        String id = sandbox.getString("id");
        String token = sandbox.getString("token");
        for (String line : List.of("kubectl run box --image=busybox -- sleep 3600", "sim advance 2m")) {
            HttpResponse<Buffer> r = client.post("/api/v1/sandboxes/" + id + "/exec").bearerTokenAuthentication(token)
                    .sendJsonObject(new JsonObject().put("command", line)).await(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.bodyAsString());
        }
        WebSocketClient sockets = vertx.createWebSocketClient();
        String uri = "/k8s/" + id + "/api/v1/namespaces/default/pods/box/exec?command=echo&command=hi&stdout=true";
        assertEquals(List.of("1:hi\n", "3:{\"metadata\":{},\"status\":\"Success\"}"),
                session(sockets, server.port(), uri, token));
        assertEquals(List.of("rejected 401"), session(sockets, server.port(), uri, "not-the-token"));
    }

    private static List<String> session(WebSocketClient sockets, int port, String uri, String token) throws Exception {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        List<String> received = new ArrayList<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)
                .addSubProtocol("v5.channel.k8s.io").addHeader("Authorization", "Bearer " + token);
        sockets.connect(options).onSuccess((WebSocket ws) -> {
            ws.binaryMessageHandler(b -> received.add(b.getByte(0) + ":" + b.getString(1, b.length())));
            ws.closeHandler(v -> done.complete(received));
        }).onFailure(err -> done.complete(List.of(err instanceof UpgradeRejectedException r
                ? "rejected " + r.getStatus() : err.toString())));
        return done.get(20, TimeUnit.SECONDS);
    }
}
