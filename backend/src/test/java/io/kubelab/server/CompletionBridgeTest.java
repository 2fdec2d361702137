package io.kubelab.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Tab over the SockJS bridge: the browser's {@code complete} request, answered in order with commands. */
@ExtendWith(VertxExtension.class)
class CompletionBridgeTest {

    private KubelabServer server;
    private WebClient client;
    /** Held for the test's life: Vert.x closes an unreachable client and its sockets at the next GC. */
    private WebSocketClient sockets;

    @BeforeEach
    void setUp(Vertx vertx) {
        server = TestServers.shared();
        client = HealthAndMetricsTest.client(vertx, server);
        sockets = vertx.createWebSocketClient();
    }

    @AfterEach
    void tearDown() throws Exception {
        sockets.close().await(10, TimeUnit.SECONDS);
    }

    private static JsonObject send(String address, JsonObject body, String replyAddress) {
        return new JsonObject().put("type", "send").put("address", address).put("body", body)
                .put("replyAddress", replyAddress);
    }

    @Test
    void tabIsAnsweredWithCandidatesAndTheWordToReplace() throws Exception {
        JsonObject created = client.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        var claim = client.get(created.getString("terminalUrl").replaceFirst("^http://[^/]+", "")).send()
                .await(10, TimeUnit.SECONDS);
        String cookie = claim.cookies().stream().filter(c -> c.startsWith(BrowserSandboxes.COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String address = "sandbox." + created.getString("id") + ".shell";

        LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        WebSocket socket = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI("/eventbus/websocket").addHeader("Cookie", cookie)).await(10, TimeUnit.SECONDS);
        socket.handler(frame -> frames.add(new JsonObject(frame)));

        // A command and the Tab typed right after it: the file it made is offered, so they ran in order.
        socket.writeTextMessage(send(address, new JsonObject().put("type", "exec").put("line", "mkdir -p manifests"),
                "r1").encode());
        socket.writeTextMessage(send(address, new JsonObject().put("type", "complete").put("line", "ls man")
                .put("cursor", 6), "r2").encode());
        JsonObject first = frames.poll(10, TimeUnit.SECONDS);
        assertNotNull(first, "no reply");
        assertEquals("r1", first.getString("address"));
        JsonObject reply = frames.poll(10, TimeUnit.SECONDS).getJsonObject("body");
        assertEquals("{\"candidates\":[\"manifests/\"],\"display\":[\"manifests/\"],\"descriptions\":[\"\"],"
                + "\"replace\":{\"from\":3,\"to\":6},\"space\":false}", reply.encode());

        socket.writeTextMessage(send(address, new JsonObject().put("type", "complete").put("line", "kubectl get po")
                .put("cursor", 14), "r3").encode());
        assertEquals("{\"candidates\":[\"poddisruptionbudgets.policy\",\"pods\",\"pods.metrics.k8s.io\"],"
                        + "\"display\":[\"poddisruptionbudgets.policy\",\"pods\",\"pods.metrics.k8s.io\"],"
                        + "\"descriptions\":[\"\",\"\",\"\"],\"replace\":{\"from\":12,\"to\":14},\"space\":true}",
                frames.poll(10, TimeUnit.SECONDS).getJsonObject("body").encode());

        // Without a cursor the whole line is before it.
        socket.writeTextMessage(send(address, new JsonObject().put("type", "complete").put("line", "kubectl api-v"),
                "r4").encode());
        assertEquals("[\"api-versions\"]",
                frames.poll(10, TimeUnit.SECONDS).getJsonObject("body").getJsonArray("candidates").encode());

        socket.writeTextMessage(send(address, new JsonObject().put("type", "complete"), "r5").encode());
        JsonObject refused = frames.poll(10, TimeUnit.SECONDS);
        assertEquals("err", refused.getString("type"));
        assertEquals(ShellBus.NO_SUCH_REQUEST, refused.getInteger("failureCode"));
    }
}
