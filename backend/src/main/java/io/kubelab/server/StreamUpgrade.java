package io.kubelab.server;

import io.kubelab.apiserver.Status;
import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.k8sapi.KubeResponse;
import io.kubelab.k8sapi.stream.ChannelProtocol;
import io.kubelab.k8sapi.stream.StreamHeaders;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code pods/exec}, {@code attach} and {@code portforward} requests that ask for a WebSocket: the sandbox's
 * API checks the request first, and a refusal goes back as the HTTP error kube-apiserver sends before any
 * upgrade (so kubectl prints it, after its SPDY fallback gets the same); then the connection is upgraded with
 * the negotiated channel protocol, stdin is gathered until the client closes it, and the API's answer goes
 * out as channel messages before the socket closes. Each request to the API goes through {@link Runner}: this
 * member's sandbox under its lock, or the event bus to the member that runs it.
 */
public final class StreamUpgrade {

    /** The most stdin a command takes (kube-apiserver's own limit on a request body is 3 MiB). */
    public static final int MAX_STDIN_BYTES = 1024 * 1024;
    /** How long a session may last while the client is still sending stdin. */
    static final Duration MAX_SESSION = Duration.ofMinutes(30);
    /** Every channel protocol this server speaks, for the servers' handshake settings. */
    public static final List<String> SUBPROTOCOLS = subprotocols();


    /** Sends one request to the sandbox's API, answering through the exchange. */
    public interface Runner {
        void run(KubeRequest request, KubeExchange exchange);
    }

    private StreamUpgrade() {
    }

    private static List<String> subprotocols() {
        List<String> all = new java.util.ArrayList<>(ChannelProtocol.NAMES);
        all.add(StreamHeaders.SPDY_TUNNEL);
        return List.copyOf(all);
    }

    /** Whether this request asks to upgrade a streaming subresource to a WebSocket. */
    public static boolean wants(HttpServerRequest http) {
        String upgrade = http.getHeader("Upgrade");
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            return false;
        }
        String path = http.path();
        return path.endsWith("/exec") || path.endsWith("/attach") || path.endsWith("/portforward");
    }

    /**
     * Serves {@code http}, whose API request is {@code request} (its headers as the transport copies them);
     * {@code underLock} runs a stream's release under the sandbox's lock.
     */
    public static void serve(Vertx vertx, HttpServerRequest http, KubeRequest request, Runner runner,
                             Consumer<Runnable> underLock) {
        http.pause();
        Context context = vertx.getOrCreateContext();
        String offered = Optional.ofNullable(http.getHeader("Sec-WebSocket-Protocol")).orElse("");
        if (request.path().endsWith("/portforward")) {
            forward(vertx, http, request, runner, context, offered);
            return;
        }
        Optional<ChannelProtocol> protocol = ChannelProtocol.negotiate(offered);
        KubeRequest check = with(request, StreamHeaders.CHECK, protocol.map(ChannelProtocol::wireName).orElse(""),
                new byte[0]);
        runner.run(check, new Once(context, answer -> {
            if (answer.status() != 200 || !answer.contentType().equals(StreamHeaders.FRAMES)) {
                refuse(http, answer);
            } else if (protocol.isEmpty()) {
                refuse(http, unsupported(offered, ChannelProtocol.NAMES));
            } else {
                http.toWebSocket().onSuccess(ws -> new ExecSession(vertx, ws, request, protocol.get(), runner, underLock)
                        .start()).onFailure(err -> refuse(http, KubeResponse.status(
                        Status.badRequest("unable to upgrade connection: " + err.getMessage()))));
            }
        }));
    }

    /** kubectl 1.31+'s port-forward: SPDY tunnelled in the WebSocket, each connection's HTTP run in the sandbox. */
    private static void forward(Vertx vertx, HttpServerRequest http, KubeRequest request, Runner runner,
                                Context context, String offered) {
        if (!ChannelProtocol.offered(offered).contains(StreamHeaders.SPDY_TUNNEL)) {
            refuse(http, unsupported(offered, List.of(StreamHeaders.SPDY_TUNNEL)));
            return;
        }
        runner.run(with(request, StreamHeaders.CHECK, StreamHeaders.SPDY_TUNNEL, new byte[0]), new Once(context,
                answer -> {
                    if (answer.status() != 200 || !answer.contentType().equals(StreamHeaders.FRAMES)) {
                        refuse(http, answer);
                    } else {
                        http.toWebSocket().onSuccess(ws -> new PortForwardSession(vertx, ws, request, runner).start())
                                .onFailure(err -> refuse(http, KubeResponse.status(
                                        Status.badRequest("unable to upgrade connection: " + err.getMessage()))));
                    }
                }));
    }

    /** wsstream's handshake refusal when no offered subprotocol is spoken. */
    private static KubeResponse unsupported(String offered, List<String> supported) {
        return KubeResponse.text(400, "requested protocol(s) are not supported: ["
                + String.join(" ", ChannelProtocol.offered(offered)) + "]; supports [" + String.join(" ", supported) + "]");
    }

    private static void refuse(HttpServerRequest http, KubeResponse answer) {
        if (http.response().ended()) {
            return;
        }
        http.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType())
                .putHeader("Cache-Control", "no-cache, private");
        answer.headers().forEach(h -> http.response().headers().add(h[0], h[1]));
        http.response().end(Buffer.buffer(answer.body()));
    }

    static KubeRequest with(KubeRequest request, String stage, String protocol, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(StreamHeaders.STAGE, stage);
        headers.put(StreamHeaders.PROTOCOL, protocol);
        return new KubeRequest("GET", request.path(), request.query(), headers, body);
    }

    /** A whole answer, handed to {@code then} on the request's own context; no streams expected. */
    private record Once(Context context, Consumer<KubeResponse> then) implements KubeExchange {
        @Override
        public void reply(KubeResponse response) {
            context.runOnContext(v -> then.accept(response));
        }

        @Override
        public Stream stream(String contentType, Duration limit) {
            throw new IllegalStateException("a check answers whole");
        }
    }
}
