package io.kubelab.server;

import io.kubelab.tenancy.SandboxHost;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves the realtime clocks of the sandboxes this member hosts, ten times a second, on a worker thread:
 * what falls due between a student's commands (a controller's work, a timer) happens when it is due.
 */
final class ClockDriver {

    static final long PERIOD_MS = 100;

    private ClockDriver() {
    }

    static void start(Vertx vertx, SandboxHost host) {
        AtomicBoolean busy = new AtomicBoolean();
        vertx.setPeriodic(PERIOD_MS, timer -> {
            // A slow tick is never stacked on another: the next one simply catches up further.
            if (busy.compareAndSet(false, true)) {
                try {
                    vertx.executeBlocking(() -> {
                        host.tickAll();
                        return null;
                    }, false).onComplete(done -> busy.set(false));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // The member is closing and its workers are gone: there is nothing left to tick.
                    vertx.cancelTimer(timer);
                }
            }
        });
    }
}
