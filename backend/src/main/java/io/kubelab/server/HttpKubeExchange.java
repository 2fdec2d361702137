package io.kubelab.server;

import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeResponse;
import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A Kubernetes API answer written to an HTTP response: whole, or streamed in chunks (a watch, a followed log)
 * until the server ends it, its time limit passes, the client leaves, or the client reads too slowly for the
 * response's write queue (kube-apiserver also drops watchers that cannot keep up).
 */
public final class HttpKubeExchange implements KubeExchange {

    private final Vertx vertx;
    private final HttpServerResponse response;
    /** Runs a stream's release under the sandbox's lock, off the event loop. */
    private final Consumer<Runnable> underLock;
    /** The sandbox's open streams through this member, and how many it may have. */
    private final AtomicInteger openStreams;
    private final int maxStreams;

    public HttpKubeExchange(Vertx vertx, HttpServerResponse response, Consumer<Runnable> underLock) {
        this(vertx, response, underLock, new AtomicInteger(), Integer.MAX_VALUE);
    }

    HttpKubeExchange(Vertx vertx, HttpServerResponse response, Consumer<Runnable> underLock, AtomicInteger openStreams,
                     int maxStreams) {
        this.vertx = vertx;
        this.response = response;
        this.underLock = underLock;
        this.openStreams = openStreams;
        this.maxStreams = maxStreams;
    }

    @Override
    public void reply(KubeResponse answer) {
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType())
                .putHeader("Cache-Control", "no-cache, private");
        for (String[] header : answer.headers()) {
            response.headers().add(header[0], header[1]);
        }
        // Wrapped, not copied (Buffer.buffer(byte[]) copies): an answer's bytes are never changed once made.
        response.end(BufferInternal.buffer(Unpooled.wrappedBuffer(answer.body())));
    }

    @Override
    public Stream stream(String contentType, Duration limit) {
        if (openStreams.incrementAndGet() > maxStreams) {
            reply(KubeBus.TOO_MANY);
            HttpStream refused = new HttpStream();
            refused.close(false);
            return refused;
        }
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", contentType)
                .putHeader("Cache-Control", "no-cache, private");
        HttpStream stream = new HttpStream();
        response.closeHandler(v -> stream.close(false));
        stream.limit(limit);
        if (response.closed()) {
            // The client left while the request waited its turn: its close happened before the handler was set.
            stream.close(false);
            return stream;
        }
        // Headers go out at once: a client waits for them before it reads any event.
        response.write(Buffer.buffer());
        return stream;
    }

    private final class HttpStream extends ClosableStream {
        HttpStream() {
            super(vertx, underLock);
        }

        @Override
        public boolean send(byte[] chunk) {
            if (isClosed() || response.closed()) {
                close(false);
                return false;
            }
            if (response.writeQueueFull()) {
                response.reset();
                close(false);
                return false;
            }
            response.write(Buffer.buffer(chunk));
            return true;
        }

        @Override
        void closeTransport(boolean fromServer) {
            openStreams.decrementAndGet();
            if (fromServer && !response.closed() && !response.ended()) {
                response.end();
            }
        }
    }
}
