package io.kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.k8sapi.KubeResponse;
import io.kubelab.k8sapi.stream.HttpWire;
import io.kubelab.k8sapi.stream.SpdyFramer;
import io.kubelab.k8sapi.stream.StreamHeaders;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One {@code kubectl port-forward} connection (1.31+): the server's end of the SPDY session inside the
 * WebSocket. Each local connection kubectl accepts opens an error stream and a data stream with the same
 * request id; the HTTP requests that arrive on the data stream go one by one to the sandbox (which has the
 * container answer them) and the replies come back on it; when the client closes its data stream, both of
 * its streams are closed. Plain TCP that is not HTTP is not forwarded.
 */
final class PortForwardSession {

    private static final Duration MAX_SESSION = Duration.ofHours(4);
    private static final int CHUNK = 32 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final KubeRequest request;
    private final StreamUpgrade.Runner runner;
    private final SpdyFramer framer = new SpdyFramer();
    /** Error streams by request id; data streams by stream id. */
    private final Map<String, Integer> errorStreams = new HashMap<>();
    private final Map<Integer, Forward> dataStreams = new LinkedHashMap<>();
    private boolean closed;

    /** A forwarded connection: the bytes the client sent, whether one of its requests is being answered. */
    private static final class Forward {
        final String requestId;
        final String port;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean busy;
        boolean clientDone;

        Forward(String requestId, String port) {
            this.requestId = requestId;
            this.port = port;
        }
    }

    PortForwardSession(Vertx vertx, ServerWebSocket ws, KubeRequest request, StreamUpgrade.Runner runner) {
        this.vertx = vertx;
        this.ws = ws;
        this.request = request;
        this.runner = runner;
    }

    void start() {
        long timer = vertx.setTimer(MAX_SESSION.toMillis(), t -> ws.close());
        ws.binaryMessageHandler(message -> received(message.getBytes()));
        ws.exceptionHandler(err -> ws.close());
        ws.closeHandler(v -> {
            vertx.cancelTimer(timer);
            synchronized (this) {
                closed = true;
                framer.close();
            }
        });
    }

    private synchronized void received(byte[] bytes) {
        if (closed) {
            return;
        }
        java.util.List<SpdyFramer.Frame> frames;
        try {
            frames = framer.feed(bytes);
        } catch (RuntimeException e) {
            // Any frame we cannot read (short control frames, lengths that overflow) ends this session alone.
            ws.close();
            return;
        }
        for (SpdyFramer.Frame frame : frames) {
            if (frame instanceof SpdyFramer.SynStream syn) {
                opened(syn);
            } else if (frame instanceof SpdyFramer.Data data) {
                Forward forward = dataStreams.get(data.streamId());
                if (forward != null) {
                    if (forward.buffer.size() + data.data().length > StreamUpgrade.MAX_STDIN_BYTES) {
                        write(framer.reset(data.streamId(), 3));
                        dataStreams.remove(data.streamId());
                        continue;
                    }
                    forward.buffer.writeBytes(data.data());
                    forward.clientDone |= data.fin();
                    pump(data.streamId(), forward);
                }
            } else if (frame instanceof SpdyFramer.Reset reset) {
                dataStreams.remove(reset.streamId());
            } else if (frame instanceof SpdyFramer.Ping ping) {
                write(framer.ping(ping.id()));
            }
        }
    }

    private void opened(SpdyFramer.SynStream syn) {
        write(framer.synReply(syn.streamId()));
        String type = syn.headers().getOrDefault("streamtype", "");
        String requestId = syn.headers().getOrDefault("requestid", "");
        if (type.equals("error")) {
            errorStreams.put(requestId, syn.streamId());
        } else if (type.equals("data")) {
            dataStreams.put(syn.streamId(), new Forward(requestId, syn.headers().getOrDefault("port", "")));
        }
    }

    /** Sends the next whole request of {@code forward} to the sandbox, or closes it once the client is done. */
    private void pump(int streamId, Forward forward) {
        if (forward.busy || closed) {
            return;
        }
        byte[] buffered = forward.buffer.toByteArray();
        OptionalInt length = HttpWire.requestLength(buffered, buffered.length);
        if (length.isEmpty()) {
            if (forward.clientDone) {
                finish(streamId, forward, "");
            }
            return;
        }
        forward.busy = true;
        forward.buffer.reset();
        forward.buffer.write(buffered, length.getAsInt(), buffered.length - length.getAsInt());
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(StreamHeaders.PORT, forward.port);
        KubeRequest one = StreamUpgrade.with(new KubeRequest("GET", request.path(), request.query(), headers,
                new byte[0]), StreamHeaders.RUN, StreamHeaders.SPDY_TUNNEL, Arrays.copyOf(buffered, length.getAsInt()));
        runner.run(one, new KubeExchange() {
            @Override
            public void reply(KubeResponse answer) {
                answered(streamId, forward, answer);
            }

            @Override
            public Stream stream(String contentType, Duration limit) {
                throw new IllegalStateException("a forwarded request answers whole");
            }
        });
    }

    private synchronized void answered(int streamId, Forward forward, KubeResponse answer) {
        forward.busy = false;
        if (closed || !dataStreams.containsKey(streamId)) {
            return;
        }
        if (answer.status() != 200) {
            finish(streamId, forward, message(answer));
            return;
        }
        byte[] body = answer.body();
        for (int at = 0; at < body.length; at += CHUNK) {
            write(framer.data(streamId, false, Arrays.copyOfRange(body, at, Math.min(body.length, at + CHUNK))));
        }
        pump(streamId, forward);
    }

    /** Closes a forwarded connection's two streams, with the kubelet's error on the error stream if any. */
    private void finish(int streamId, Forward forward, String error) {
        dataStreams.remove(streamId);
        Integer errorStream = errorStreams.remove(forward.requestId);
        if (errorStream != null && !error.isEmpty()) {
            write(framer.data(errorStream, false, error.getBytes(StandardCharsets.UTF_8)));
        }
        write(framer.data(streamId, true, new byte[0]));
        if (errorStream != null) {
            write(framer.data(errorStream, true, new byte[0]));
        }
    }

    private void write(byte[] frame) {
        if (!closed) {
            ws.writeBinaryMessage(Buffer.buffer(frame));
        }
    }

    /** The refusal's words: a Status's message, or the kubelet's plain text. */
    private static String message(KubeResponse answer) {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.contentType().startsWith("application/json")) {
            try {
                JsonNode json = MAPPER.readTree(text);
                return json.path("message").asText(text);
            } catch (java.io.IOException e) {
                return text.strip();
            }
        }
        return text;
    }
}
