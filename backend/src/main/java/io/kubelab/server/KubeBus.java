package io.kubelab.server;

import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.k8sapi.KubeResponse;
import io.kubelab.tenancy.SandboxHost;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Carries Kubernetes API requests to the member that runs the sandbox. A sandbox run here is served
 * directly; otherwise the request goes to {@code kubelab.sandbox.<id>.k8s} (never bridged to browsers), and a
 * streamed answer comes back as messages to a one-off address, {@code {"chunk":bytes}} then {@code {"end":true}};
 * the requester sends to that address plus {@code .close} when its client leaves.
 */
final class KubeBus {

    private static final long REQUEST_TIMEOUT_MS = 30_000;
    /** kube-apiserver's max-in-flight answer, for a sandbox whose queue is full. */
    static final KubeResponse TOO_MANY = KubeResponse.status(io.kubelab.apiserver.Status.tooManyRequests(
            "Too many requests, please try again later.", 1)).withHeaders(java.util.List.<String[]>of(
            new String[] {"Retry-After", "1"}));

    private final Vertx vertx;
    private final SandboxHost host;

    private final SandboxQueues queues;

    KubeBus(Vertx vertx, SandboxHost host, SandboxQueues queues) {
        this.vertx = vertx;
        this.host = host;
        this.queues = queues;
    }

    static String address(String id) {
        return "kubelab.sandbox." + id + ".k8s";
    }

    /** Serves {@code request} for sandbox {@code id}, here or on its member, answering through {@code exchange}. */
    void serve(String id, KubeRequest request, KubeExchange exchange) {
        if (host.hosts(id)) {
            queues.submit(id, () -> host.serveKube(id, request, exchange)).onSuccess(served -> {
                if (!served) {
                    exchange.reply(unavailable(id));
                }
            }).onFailure(err -> exchange.reply(err instanceof SandboxQueues.Full ? TOO_MANY : unavailable(id)));
            return;
        }
        forward(id, request, exchange);
    }

    /**
     * Runs a stream's release: for a sandbox run here, in its queue and under its lock (a release waits its turn
     * rather than holding a worker on the lock, and is never refused); for one run elsewhere, at once, since
     * what is released is only this member's end of a forwarded stream.
     */
    void releaseLocally(String id, Runnable release) {
        if (!host.hosts(id)) {
            release.run();
            return;
        }
        queues.submitAlways(id, () -> {
            host.underLock(id, release);
            return null;
        });
    }

    /** Starts taking requests for {@code id} from other members; the caller unregisters it when the sandbox stops. */
    MessageConsumer<JsonObject> listen(String id) {
        return vertx.eventBus().consumer(address(id), msg -> {
            KubeRequest request = decode(msg.body());
            BusExchange exchange = new BusExchange(id, msg);
            queues.submit(id, () -> host.serveKube(id, request, exchange))
                    .onSuccess(served -> {
                        if (!served) {
                            msg.fail(404, "sandbox " + id + " is not running here");
                        }
                    })
                    .onFailure(err -> exchange.reply(err instanceof SandboxQueues.Full ? TOO_MANY : unavailable(id)));
        });
    }

    private void forward(String id, KubeRequest request, KubeExchange exchange) {
        String streamAddress = "kubelab.k8s.stream." + UUID.randomUUID();
        KubeExchange.Stream[] stream = new KubeExchange.Stream[1];
        // Chunks travel to another address than the reply does, so they may overtake it: held until it is in.
        List<JsonObject> early = new ArrayList<>();
        MessageConsumer<JsonObject> chunks = vertx.eventBus().consumer(streamAddress, msg -> {
            if (stream[0] == null) {
                early.add(msg.body());
            } else {
                deliver(stream[0], msg.body(), streamAddress);
            }
        });
        JsonObject message = encode(request).put("stream", streamAddress);
        vertx.eventBus().<JsonObject>request(address(id), message, new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
                .onSuccess(reply -> {
                    JsonObject body = reply.body();
                    if (body.getBoolean("stream", false)) {
                        stream[0] = exchange.stream(body.getString("contentType"),
                                Duration.ofMillis(body.getLong("limitMs")));
                        stream[0].onClose(() -> {
                            chunks.unregister();
                            vertx.eventBus().send(streamAddress + ".close", new JsonObject());
                        });
                        early.forEach(chunk -> deliver(stream[0], chunk, streamAddress));
                        early.clear();
                    } else {
                        chunks.unregister();
                        exchange.reply(response(body));
                    }
                })
                .onFailure(err -> {
                    chunks.unregister();
                    exchange.reply(unavailable(id));
                });
    }

    private void deliver(KubeExchange.Stream stream, JsonObject chunk, String streamAddress) {
        if (chunk.getBoolean("end", false)) {
            stream.end();
        } else if (!stream.send(chunk.getBinary("chunk"))) {
            vertx.eventBus().send(streamAddress + ".close", new JsonObject());
        }
    }

    static KubeResponse unavailable(String id) {
        return KubeResponse.status(io.kubelab.apiserver.Status.serviceUnavailable(
                "sandbox " + id + " is not running on any member"));
    }

    private static JsonObject encode(KubeRequest request) {
        JsonObject query = new JsonObject();
        request.query().forEach((k, v) -> query.put(k, new JsonArray(v)));
        return new JsonObject().put("method", request.method()).put("path", request.path()).put("query", query)
                .put("headers", new JsonObject(new LinkedHashMap<>(request.headers()))).put("body", request.body());
    }

    private static KubeRequest decode(JsonObject json) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        json.getJsonObject("query").forEach(e -> {
            List<String> values = new ArrayList<>();
            ((JsonArray) e.getValue()).forEach(v -> values.add(String.valueOf(v)));
            query.put(e.getKey(), values);
        });
        Map<String, String> headers = new LinkedHashMap<>();
        json.getJsonObject("headers").forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
        return new KubeRequest(json.getString("method"), json.getString("path"), query, headers,
                json.getBinary("body"));
    }

    private static KubeResponse response(JsonObject body) {
        List<String[]> headers = new ArrayList<>();
        body.getJsonArray("headers").forEach(h -> headers.add(new String[] {((JsonArray) h).getString(0),
                ((JsonArray) h).getString(1)}));
        return new KubeResponse(body.getInteger("status"), body.getString("contentType"), headers,
                body.getBinary("body"));
    }

    /** The host side of a forwarded request: the answer goes back as the reply, a stream as messages. */
    private final class BusExchange implements KubeExchange {
        private final String id;
        private final Message<JsonObject> msg;

        BusExchange(String id, Message<JsonObject> msg) {
            this.id = id;
            this.msg = msg;
        }

        @Override
        public void reply(KubeResponse answer) {
            JsonArray headers = new JsonArray();
            answer.headers().forEach(h -> headers.add(new JsonArray().add(h[0]).add(h[1])));
            msg.reply(new JsonObject().put("status", answer.status()).put("contentType", answer.contentType())
                    .put("headers", headers).put("body", answer.body()));
        }

        @Override
        public Stream stream(String contentType, Duration limit) {
            String address = msg.body().getString("stream");
            msg.reply(new JsonObject().put("stream", true).put("contentType", contentType)
                    .put("limitMs", limit.toMillis()));
            return new BusStream(id, address, limit);
        }
    }

    private final class BusStream extends ClosableStream {
        private final String address;
        private final MessageConsumer<JsonObject> closer;

        BusStream(String id, String address, Duration limit) {
            super(vertx, release -> releaseLocally(id, release));
            this.address = address;
            this.closer = vertx.eventBus().consumer(address + ".close", m -> close(false));
            limit(limit);
        }

        @Override
        public boolean send(byte[] chunk) {
            if (!isClosed()) {
                vertx.eventBus().send(address, new JsonObject().put("chunk", chunk));
            }
            return !isClosed();
        }

        @Override
        void closeTransport(boolean tellRequester) {
            closer.unregister();
            if (tellRequester) {
                vertx.eventBus().send(address, new JsonObject().put("end", true));
            }
        }
    }
}
