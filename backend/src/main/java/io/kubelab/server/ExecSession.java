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
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One upgraded {@code exec} or {@code attach} connection: gathers stdin until the client closes it, runs the
 * request in the sandbox, writes the answer's channel messages (or a stream of them, for attach) and closes.
 */
final class ExecSession implements KubeExchange {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final KubeRequest request;
    private final ChannelProtocol protocol;
    private final StreamUpgrade.Runner runner;
    private final Consumer<Runnable> underLock;
    private final ExecOptions options;
    private final StdinCollector stdin;
    private volatile boolean ran;
    private volatile boolean closed;
    private volatile Runnable release = () -> { };
    private long timer = -1;

    ExecSession(Vertx vertx, ServerWebSocket ws, KubeRequest request, ChannelProtocol protocol,
                StreamUpgrade.Runner runner, Consumer<Runnable> underLock) {
        this.vertx = vertx;
        this.ws = ws;
        this.request = request;
        this.protocol = protocol;
        this.runner = runner;
        this.underLock = underLock;
        this.options = ExecOptions.of(request);
        this.stdin = new StdinCollector(protocol, options.tty(), StreamUpgrade.MAX_STDIN_BYTES);
    }

    void start() {
        timer = vertx.setTimer(StreamUpgrade.MAX_SESSION.toMillis(), t -> ws.close());
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
            failed(Status.requestEntityTooLarge("stdin is limited to " + StreamUpgrade.MAX_STDIN_BYTES + " bytes"));
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
        runner.run(StreamUpgrade.with(request, StreamHeaders.RUN, protocol.wireName(), stdin.stdin()), this);
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
                ChannelFrames.unpack(chunk).forEach(ExecSession.this::write);
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
