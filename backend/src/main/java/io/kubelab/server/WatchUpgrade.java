package io.kubelab.server;

import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeResponse;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A watch asked for over a WebSocket, as kube-apiserver also serves them (fabric8's client asks that way
 * first): errors before the watch starts are plain HTTP answers; once it starts, the connection is upgraded and
 * every event is one text message.
 */
final class WatchUpgrade implements KubeExchange {

    private final Vertx vertx;
    private final Context context;
    private final HttpServerRequest http;
    private final Consumer<Runnable> underLock;

    WatchUpgrade(Vertx vertx, HttpServerRequest http, Consumer<Runnable> underLock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.http = http;
        this.underLock = underLock;
    }

    /** A WebSocket upgrade on anything but exec, attach and port-forward: only watches take one. */
    static boolean wants(HttpServerRequest http) {
        String upgrade = http.getHeader("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket") && http.method() == HttpMethod.GET
                && !StreamUpgrade.wants(http);
    }

    @Override
    public void reply(KubeResponse answer) {
        context.runOnContext(v -> {
            if (!http.response().ended()) {
                http.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType())
                        .end(Buffer.buffer(answer.body()));
            }
        });
    }

    @Override
    public Stream stream(String contentType, Duration limit) {
        Messages messages = new Messages();
        context.runOnContext(v -> http.toWebSocket().onSuccess(messages::open).onFailure(err -> messages.close(false)));
        messages.limit(limit);
        return messages;
    }

    private final class Messages extends ClosableStream {
        private final List<String> early = new ArrayList<>();
        private ServerWebSocket socket;

        Messages() {
            super(vertx, underLock);
        }

        synchronized void open(ServerWebSocket ws) {
            socket = ws;
            ws.closeHandler(v -> close(false));
            early.forEach(ws::writeTextMessage);
            early.clear();
            if (isClosed()) {
                ws.close();
            }
        }

        @Override
        public synchronized boolean send(byte[] chunk) {
            if (isClosed()) {
                return false;
            }
            String message = new String(chunk, StandardCharsets.UTF_8);
            if (socket == null) {
                early.add(message);
            } else if (socket.writeQueueFull()) {
                // A reader too slow to keep up is dropped, as kube-apiserver drops such watchers.
                close(false);
                return false;
            } else {
                socket.writeTextMessage(message);
            }
            return true;
        }

        @Override
        synchronized void closeTransport(boolean fromServer) {
            if (socket != null && !socket.isClosed()) {
                socket.close();
            }
        }
    }
}
