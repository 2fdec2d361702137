package io.kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.apiserver.Status;
import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.k8sapi.KubeResponse;
import io.kubelab.k8sapi.stream.ChannelFrames;
import io.kubelab.k8sapi.stream.ChannelProtocol;
import io.kubelab.k8sapi.stream.ErrorChannel;
import io.kubelab.k8sapi.stream.ExecOptions;
import io.kubelab.k8sapi.stream.StdinCollector;
import io.kubelab.k8sapi.stream.StreamHeaders;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
                http.toWebSocket().onSuccess(ws -> new Session(vertx, ws, request, protocol.get(), runner, underLock)
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

    /** One upgraded connection: gathers stdin, runs the request, writes its messages, closes. */
    private static final class Session implements KubeExchange {
        private final Vertx vertx;
        private final ServerWebSocket ws;
        private final KubeRequest request;
        private final ChannelProtocol protocol;
        private final Runner runner;
        private final Consumer<Runnable> underLock;
        private final ExecOptions options;
        private final StdinCollector stdin;
        private volatile boolean ran;
        private volatile boolean closed;
        private volatile Runnable release = () -> { };
        private long timer = -1;

        Session(Vertx vertx, ServerWebSocket ws, KubeRequest request, ChannelProtocol protocol, Runner runner,
                Consumer<Runnable> underLock) {
            this.vertx = vertx;
            this.ws = ws;
            this.request = request;
            this.protocol = protocol;
            this.runner = runner;
            this.underLock = underLock;
            this.options = ExecOptions.of(request);
            this.stdin = new StdinCollector(protocol, options.tty(), MAX_STDIN_BYTES);
        }

        void start() {
            timer = vertx.setTimer(MAX_SESSION.toMillis(), t -> ws.close());
            ws.closeHandler(v -> closed());
            ws.exceptionHandler(err -> ws.close());
            boolean waitForStdin = options.stdin() && !request.path().endsWith("/attach");
            ws.binaryMessageHandler(message -> received(message.getBytes(), waitForStdin));
            ws.textMessageHandler(message -> received(message.getBytes(StandardCharsets.US_ASCII), waitForStdin));
            if (!waitForStdin) {
                run();
            }
        }

        private void received(byte[] message, boolean waitForStdin) {
            if (ran || !waitForStdin) {
                return;
            }
            stdin.accept(message).forEach(this::write);
            if (stdin.overflow()) {
                failed(Status.requestEntityTooLarge("stdin is limited to " + MAX_STDIN_BYTES + " bytes"));
            } else if (stdin.interrupted()) {
                ran = true;
                ErrorChannel.exitCode(protocol, options.command(), 130)
                        .ifPresent(m -> write(ChannelFrames.encode(protocol, ChannelProtocol.ERROR, m)));
                ws.close();
            } else if (stdin.closed()) {
                run();
            }
        }

        private void run() {
            ran = true;
            runner.run(with(request, StreamHeaders.RUN, protocol.wireName(), stdin.stdin()), this);
        }

        private void closed() {
            closed = true;
            vertx.cancelTimer(timer);
            if (!ran && options.stdin() && !protocol.closeSignal()) {
                // Before v5 a client can only end stdin by leaving: the command still runs, unheard.
                run();
            }
            underLock.accept(release);
        }

        private void failed(Status status) {
            ran = true;
            ErrorChannel.failure(protocol, status)
                    .ifPresent(m -> write(ChannelFrames.encode(protocol, ChannelProtocol.ERROR, m)));
            ws.close();
        }

        private void write(byte[] message) {
            if (closed) {
                return;
            }
            if (protocol.binary()) {
                ws.writeBinaryMessage(Buffer.buffer(message));
            } else {
                ws.writeTextMessage(new String(message, StandardCharsets.US_ASCII));
            }
        }

        @Override
        public void reply(KubeResponse response) {
            if (response.status() == 200 && response.contentType().equals(StreamHeaders.FRAMES)) {
                ChannelFrames.unpack(response.body()).forEach(this::write);
                ws.close();
            } else {
                failed(status(response));
            }
        }

        @Override
        public Stream stream(String contentType, Duration limit) {
            long until = vertx.setTimer(Math.max(1, limit.toMillis()), t -> ws.close());
            ws.closeHandler(v -> {
                vertx.cancelTimer(until);
                closed();
            });
            return new Stream() {
                @Override
                public boolean send(byte[] chunk) {
                    if (closed || ws.writeQueueFull()) {
                        ws.close();
                        return false;
                    }
                    ChannelFrames.unpack(chunk).forEach(Session.this::write);
                    return true;
                }

                @Override
                public void end() {
                    ErrorChannel.success(protocol)
                            .ifPresent(m -> write(ChannelFrames.encode(protocol, ChannelProtocol.ERROR, m)));
                    ws.close();
                }

                @Override
                public void onClose(Runnable action) {
                    release = action;
                    if (closed) {
                        underLock.accept(action);
                    }
                }
            };
        }

        /** A refusal that came back as an HTTP answer (the sandbox moved, say), as a Status. */
        private static Status status(KubeResponse response) {
            try {
                JsonNode json = MAPPER.readTree(response.body());
                return new Status(json.path("code").asInt(response.status()), json.path("reason").asText(""),
                        json.path("message").asText(""), Optional.empty());
            } catch (java.io.IOException | RuntimeException e) {
                return Status.internalError(new String(response.body(), StandardCharsets.UTF_8).strip());
            }
        }
    }
}
