package io.kubelab.k8sapi.stream;

import io.kubelab.k8sapi.KubeApiHarness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.UpgradeRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A WebSocket exec session through the harness's server, message by message, as a client library sees it. */
class ExecWebSocketTest {

    private static KubeApiHarness harness;
    private static Vertx vertx;
    private static WebSocketClient client;

    @BeforeAll
    static void start() {
        harness = new KubeApiHarness();
        harness.terminal("kubectl run box --image=busybox -- sleep 3600");
        harness.terminal("kubectl run ticker --image=busybox -- sh -c 'while true; do echo tick; sleep 1; done'");
        harness.settle();
        vertx = Vertx.vertx();
        client = vertx.createWebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        harness.close();
    }

    private static final String EXEC = "/k8s/harness/api/v1/namespaces/default/pods/box/exec?container=box"
            + "&command=sh&command=-c&command=cat%3B+echo+oops+%3E%262%3B+exit+4&stdin=true&stdout=true&stderr=true";

    /** Opens the session, sends {@code send}, and answers every message the server sent until it closed. */
    private static List<String> session(String uri, String protocol, List<byte[]> send, boolean text) throws Exception {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        List<String> received = new ArrayList<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(harness.port())
                .setURI(uri).addSubProtocol(protocol);
        client.connect(options).onSuccess((WebSocket ws) -> {
            received.add("protocol " + ws.subProtocol());
            ws.binaryMessageHandler(b -> received.add(b.getByte(0) + ":" + b.getString(1, b.length())));
            ws.textMessageHandler(t -> received.add(t));
            ws.closeHandler(v -> done.complete(received));
            for (byte[] message : send) {
                if (text) {
                    ws.writeTextMessage(new String(message, StandardCharsets.US_ASCII));
                } else {
                    ws.writeBinaryMessage(Buffer.buffer(message));
                }
            }
        }).onFailure(err -> done.complete(List.of(err instanceof UpgradeRejectedException r
                ? "rejected " + r.getStatus() + " " + r.getBody() : err.toString())));
        return done.get(20, TimeUnit.SECONDS);
    }

    @Test
    void v5RunsTheCommandOnceStdinIsClosed() throws Exception {
        List<String> messages = session(EXEC, "v5.channel.k8s.io", List.of(new byte[] {0, 'h', 'i', '\n'},
                new byte[] {(byte) 255, 0}), false);
        assertEquals(List.of("protocol v5.channel.k8s.io", "1:hi\n", "2:oops\n",
                "3:{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code: "
                        + "error executing command [sh -c cat; echo oops >&2; exit 4], exit code 4\","
                        + "\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"4\"}]}}"),
                messages);
    }

    @Test
    void base64ChannelsTravelAsText() throws Exception {
        String uri = "/k8s/harness/api/v1/namespaces/default/pods/box/exec?command=echo&command=hi&stdout=true";
        List<String> messages = session(uri, "v4.base64.channel.k8s.io", List.of(), true);
        assertEquals(List.of("protocol v4.base64.channel.k8s.io", "1aGkK",
                "3" + java.util.Base64.getEncoder().encodeToString("{\"metadata\":{},\"status\":\"Success\"}"
                        .getBytes(StandardCharsets.UTF_8))), messages);
    }

    @Test
    void attachStreamsWhatTheContainerWritesFromNowOn() throws Exception {
        CompletableFuture<List<String>> ticks = new CompletableFuture<>();
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(harness.port())
                .setURI("/k8s/harness/api/v1/namespaces/default/pods/ticker/attach?container=ticker&stdout=true")
                .addSubProtocol("v5.channel.k8s.io");
        WebSocket ws = client.connect(options).await(10, TimeUnit.SECONDS);
        ws.binaryMessageHandler(b -> {
            received.add(b.getByte(0) + ":" + b.getString(1, b.length()));
            if (received.size() == 2) {
                ticks.complete(List.copyOf(received));
            }
        });
        for (int i = 0; i < 50 && !ticks.isDone(); i++) {
            harness.advance(java.time.Duration.ofSeconds(1));
            Thread.sleep(20);
        }
        assertEquals(List.of("1:tick\n", "1:tick\n"), ticks.get(10, TimeUnit.SECONDS));
        ws.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void refusalsComeBeforeTheUpgrade() throws Exception {
        String uri = "/k8s/harness/api/v1/namespaces/default/pods/box/exec?container=nope&command=ls&stdout=true";
        List<String> messages = session(uri, "v5.channel.k8s.io", List.of(), false);
        assertEquals(List.of("rejected 400 {\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"container nope is not valid for pod box\",\"reason\":\"BadRequest\",\"code\":400}\n"),
                messages);
    }
}
