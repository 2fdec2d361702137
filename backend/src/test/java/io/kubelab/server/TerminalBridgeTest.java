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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SockJS bridge over a raw WebSocket, as the browser's event-bus client uses it. */
@ExtendWith(VertxExtension.class)
class TerminalBridgeTest {

    private Vertx vertx;
    private KubelabServer server;
    private WebClient client;
    /**
     * Held for the test's life: Vert.x closes a client, and its sockets with it, once the client becomes
     * unreachable, so a client dropped after connecting loses its WebSocket at the next GC.
     */
    private WebSocketClient sockets;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        server = TestServers.shared();
        client = HealthAndMetricsTest.client(vertx, server);
        sockets = vertx.createWebSocketClient();
    }

    @AfterEach
    void tearDown() throws Exception {
        sockets.close().await(10, TimeUnit.SECONDS);
    }

    /** A sandbox and the session cookie of a browser that owns it. */
    private record Owned(String id, String cookie) {
    }

    private Owned ownedSandbox() throws Exception {
        JsonObject created = client.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        var claim = client.get(created.getString("terminalUrl").replaceFirst("^http://[^/]+", "")).send()
                .await(10, TimeUnit.SECONDS);
        String cookie = claim.cookies().stream().filter(c -> c.startsWith(BrowserSandboxes.COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new Owned(created.getString("id"), cookie);
    }

    private LinkedBlockingQueue<JsonObject> connect(String cookie, WebSocket[] socket) throws Exception {
        LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI("/eventbus/websocket");
        if (cookie != null) {
            options.addHeader("Cookie", cookie);
        }
        socket[0] = sockets.connect(options).await(10, TimeUnit.SECONDS);
        // The raw WebSocket endpoint answers in binary frames, each one JSON message.
        socket[0].handler(frame -> frames.add(new JsonObject(frame)));
        return frames;
    }

    private static JsonObject send(String address, JsonObject body) {
        return new JsonObject().put("type", "send").put("address", address).put("body", body).put("replyAddress", "r1");
    }

    @Test
    void ownerRunsCommandsThroughTheBridge() throws Exception {
        Owned owned = ownedSandbox();
        WebSocket[] socket = new WebSocket[1];
        var frames = connect(owned.cookie(), socket);
        socket[0].writeTextMessage(send("sandbox." + owned.id() + ".shell",
                new JsonObject().put("type", "exec").put("line", "foo")).encode());
        JsonObject reply = frames.poll(10, TimeUnit.SECONDS);
        assertNotNull(reply, "no reply");
        assertEquals("rec", reply.getString("type"));
        assertEquals("r1", reply.getString("address"));
        assertEquals("bash: foo: command not found\n", reply.getJsonObject("body").getString("stderr"));
        assertEquals("student@workstation:~$ ", reply.getJsonObject("body").getString("prompt"),
                "the terminal shows the shell's own prompt, which ssh changes");

        socket[0].writeTextMessage(send("sandbox." + owned.id() + ".shell", new JsonObject().put("type", "history")).encode());
        assertEquals("[\"foo\"]", frames.poll(10, TimeUnit.SECONDS).getJsonObject("body").getJsonArray("history").encode());
    }

    @Test
    void anotherBrowserIsDeniedSomeoneElsesSandbox() throws Exception {
        Owned mine = ownedSandbox();
        Owned theirs = ownedSandbox();
        for (String cookie : new String[]{mine.cookie(), null}) {
            WebSocket[] socket = new WebSocket[1];
            var frames = connect(cookie, socket);
            socket[0].writeTextMessage(send("sandbox." + theirs.id() + ".shell",
                    new JsonObject().put("type", "exec").put("line", "help")).encode());
            JsonObject answer = frames.poll(10, TimeUnit.SECONDS);
            assertEquals("err", answer.getString("type"));
            // "rejected": a permitted kind of address, refused by our check of who owns the sandbox.
            assertEquals("rejected", answer.getString("body"));
            socket[0].writeTextMessage(new JsonObject().put("type", "register")
                    .put("address", "sandbox." + theirs.id() + ".events").encode());
            assertEquals("rejected", frames.poll(10, TimeUnit.SECONDS).getString("body"));
        }
    }

    @Test
    void internalAddressesAreNeverBridged() throws Exception {
        Owned owned = ownedSandbox();
        WebSocket[] socket = new WebSocket[1];
        var frames = connect(owned.cookie(), socket);
        for (String address : new String[]{ShellBus.controlAddress(owned.id()), PingAddress.ADDRESS}) {
            socket[0].writeTextMessage(send(address, new JsonObject()).encode());
            // Refused by our check ("rejected") and by the permitted addresses ("access_denied") alike.
            JsonObject answer = frames.poll(10, TimeUnit.SECONDS);
            assertEquals("err", answer.getString("type"), address);
            assertTrue(java.util.Set.of("rejected", "access_denied").contains(answer.getString("body")), address);
        }
        socket[0].writeTextMessage(send("sandbox." + owned.id() + ".shell",
                new JsonObject().put("type", "exec").put("line", "help")).encode());
        assertEquals(0, frames.poll(10, TimeUnit.SECONDS).getJsonObject("body").getInteger("exitCode"),
                "the sandbox is still there and working");
    }
}
