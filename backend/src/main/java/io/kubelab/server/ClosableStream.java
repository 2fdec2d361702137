package io.kubelab.server;

import io.kubelab.k8sapi.KubeExchange;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * How every transport's stream ends, whoever ends it (the server, its time limit, the client leaving): once,
 * its timer cancelled, and what the API server holds for it (a watch, a log follower) released exactly once,
 * also when the release is handed over after the end.
 */
abstract class ClosableStream implements KubeExchange.Stream {

    private final Vertx vertx;
    /** Runs a release where it must run (under the sandbox's lock, or at once). */
    private final Consumer<Runnable> releaser;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Runnable release;
    private boolean released;
    private long timer = -1;

    ClosableStream(Vertx vertx, Consumer<Runnable> releaser) {
        this.vertx = vertx;
        this.releaser = releaser;
    }

    /** Ends the stream from the server's side after {@code limit}. */
    final void limit(Duration limit) {
        timer = vertx.setTimer(Math.max(1, limit.toMillis()), t -> close(true));
    }

    final boolean isClosed() {
        return closed.get();
    }

    @Override
    public final void end() {
        close(true);
    }

    @Override
    public final void onClose(Runnable action) {
        boolean now;
        synchronized (this) {
            release = action;
            now = closed.get() && !released;
            released |= now;
        }
        if (now) {
            releaser.accept(action);
        }
    }

    /** Ends the stream; {@code fromServer} when the server ends its answer rather than the client leaving. */
    final void close(boolean fromServer) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(timer);
        closeTransport(fromServer);
        Runnable toRun;
        synchronized (this) {
            toRun = released ? null : release;
            released |= toRun != null;
        }
        if (toRun != null) {
            releaser.accept(toRun);
        }
    }

    /** This transport's own end of the stream. */
    abstract void closeTransport(boolean fromServer);
}
