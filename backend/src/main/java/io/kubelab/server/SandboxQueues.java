package io.kubelab.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One queue of work per sandbox, run on worker threads one item at a time, in the order submitted. A sandbox's
 * work waits in its queue, not on a worker thread blocked on its lock, so one busy tenant cannot take every
 * worker from the others; a queue longer than its bound is refused (the caller answers 429).
 */
final class SandboxQueues {

    /** Thrown (as the future's failure) when a sandbox already has {@code limit} items waiting. */
    static final class Full extends RuntimeException {
        Full() {
            super("too many requests waiting for this sandbox", null, false, false);
        }
    }

    private final Vertx vertx;
    private final int limit;
    private final Map<String, Future<Void>> tails = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

    SandboxQueues(Vertx vertx, int limit) {
        this.vertx = vertx;
        this.limit = limit;
    }

    <T> Future<T> submit(String id, Callable<T> work) {
        return submit(id, work, true);
    }

    /** Work that must run whatever the queue's length: releasing what a closed stream held. */
    <T> Future<T> submitAlways(String id, Callable<T> work) {
        return submit(id, work, false);
    }

    private <T> Future<T> submit(String id, Callable<T> work, boolean bounded) {
        AtomicInteger count = waiting.computeIfAbsent(id, k -> new AtomicInteger());
        if (count.incrementAndGet() > limit && bounded) {
            count.decrementAndGet();
            return Future.failedFuture(new Full());
        }
        io.vertx.core.Promise<T> result = io.vertx.core.Promise.promise();
        tails.compute(id, (key, tail) -> {
            Future<Void> previous = tail == null ? Future.succeededFuture() : tail;
            return previous.eventually(() -> vertx.executeBlocking(() -> {
                try {
                    return work.call();
                } finally {
                    count.decrementAndGet();
                }
            }, false).onComplete(result)).<Void>mapEmpty().recover(err -> Future.succeededFuture());
        });
        return result.future();
    }

    /** Forgets a stopped sandbox's queue. */
    void remove(String id) {
        tails.remove(id);
        waiting.remove(id);
    }
}
