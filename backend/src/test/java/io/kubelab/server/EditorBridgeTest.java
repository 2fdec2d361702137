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

/**
 * The editor over the SockJS bridge: the browser terminal's exec opens it, save and quit close it; the
 * automation API's exec of the same lines keeps the failures of a shell without a screen.
 */
@ExtendWith(VertxExtension.class)
class EditorBridgeTest {

    private static final String PROMPT = "student@workstation:~$ ";

    private KubelabServer server;
    private WebClient client;
    /** Held for the test's life: Vert.x closes an unreachable client and its sockets at the next GC. */
    private WebSocketClient sockets;
    private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private String address;
    private int replies;

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

    private JsonObject sandbox() throws Exception {
        JsonObject created = client.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        var claim = client.get(created.getString("terminalUrl").replaceFirst("^http://[^/]+", "")).send()
                .await(10, TimeUnit.SECONDS);
        String cookie = claim.cookies().stream().filter(c -> c.startsWith(BrowserSandboxes.COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        address = "sandbox." + created.getString("id") + ".shell";
        socket = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI("/eventbus/websocket").addHeader("Cookie", cookie)).await(10, TimeUnit.SECONDS);
        socket.handler(frame -> frames.add(new JsonObject(frame)));
        return created;
    }

    private JsonObject ask(JsonObject body) throws Exception {
        String replyAddress = "r" + ++replies;
        socket.writeTextMessage(new JsonObject().put("type", "send").put("address", address).put("body", body)
                .put("replyAddress", replyAddress).encode());
        JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
        assertNotNull(frame, "no reply");
        assertEquals(replyAddress, frame.getString("address"), frame.encode());
        return frame.getJsonObject("body");
    }

    private JsonObject type(String line) throws Exception {
        return ask(new JsonObject().put("type", "exec").put("line", line).put("terminal", true));
    }

    private static JsonObject output(String stdout, String stderr, int exitCode) {
        return new JsonObject().put("stdout", stdout).put("stderr", stderr).put("exitCode", exitCode)
                .put("prompt", PROMPT);
    }

    private JsonObject api(JsonObject sandbox, String command) throws Exception {
        return client.post("/api/v1/sandboxes/" + sandbox.getString("id") + "/exec")
                .bearerTokenAuthentication(sandbox.getString("token"))
                .sendJsonObject(new JsonObject().put("command", command)).await(10, TimeUnit.SECONDS)
                .bodyAsJsonObject();
    }

    @Test
    void viOpensSavesAndQuitsOverTheBridge() throws Exception {
        JsonObject s = sandbox();
        JsonObject opened = type("echo draft > notes.txt; vi notes.txt");
        String id = opened.getJsonObject("edit").getString("id");
        assertEquals(output("", "", 0).put("edit", new JsonObject().put("id", id)
                .put("title", "vi /home/student/notes.txt").put("text", "draft\n")), opened);
        assertEquals(output("", "", 0), ask(new JsonObject().put("type", "save").put("id", id).put("text", "final")));
        assertEquals(output("final\n", "", 0), type("cat notes.txt"));

        String next = type("vi notes.txt").getJsonObject("edit").getString("id");
        assertEquals(output("", "", 0), ask(new JsonObject().put("type", "quit").put("id", next)));
        assertEquals(output("", "kubelab: this editor was closed already; its text was not saved\n", 1),
                ask(new JsonObject().put("type", "save").put("id", next).put("text", "late")));
        assertEquals(output("final\n", "", 0), type("cat notes.txt"));

        // The automation API has no screen: vim's warning and kubectl's editor error, as before.
        JsonObject vi = api(s, "vi notes.txt");
        assertEquals("vi: Warning: Output is not to a terminal\n", vi.getString("stderr"));
        assertEquals(1, vi.getInteger("exitCode"));
        api(s, "kubectl create configmap settings --from-literal=color=blue");
        JsonObject edit = api(s, "kubectl edit configmap settings");
        assertEquals("error: there was a problem with the editor \"vi\"\n", edit.getString("stderr"));
        assertEquals(1, edit.getInteger("exitCode"));

        // The browser's kubectl edit: the YAML to edit, then kubectl's answer to the saved text.
        JsonObject kubectl = type("kubectl edit configmap settings").getJsonObject("edit");
        assertEquals("kubectl edit configmap settings", kubectl.getString("title"));
        assertEquals(output("configmap/settings edited\n", "", 0), ask(new JsonObject().put("type", "save")
                .put("id", kubectl.getString("id"))
                .put("text", kubectl.getString("text").replace("color: blue", "color: green"))));
        assertEquals("green", api(s, "kubectl get configmap settings -o jsonpath={.data.color}").getString("stdout"));

        // A save without an editor's id is no request the shell knows.
        socket.writeTextMessage(new JsonObject().put("type", "send").put("address", address)
                .put("body", new JsonObject().put("type", "save").put("text", "no id")).put("replyAddress", "bad")
                .encode());
        JsonObject refused = frames.poll(10, TimeUnit.SECONDS);
        assertEquals("err", refused.getString("type"));
        assertEquals(ShellBus.NO_SUCH_REQUEST, refused.getInteger("failureCode"));
    }
}
