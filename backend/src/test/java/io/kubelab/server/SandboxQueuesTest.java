package io.kubelab.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class SandboxQueuesTest {

    @Test
    void runsOneSandboxsWorkInOrderAndRefusesBeyondItsBound(Vertx vertx) throws Exception {
        SandboxQueues queues = new SandboxQueues(vertx, 3);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> done = new ArrayList<>();
        done.add(queues.submit("a", () -> {
            release.await(10, TimeUnit.SECONDS);
            order.add(1);
            return 1;
        }));
        done.add(queues.submit("a", () -> {
            order.add(2);
            return 2;
        }));
        done.add(queues.submit("a", () -> {
            order.add(3);
            return 3;
        }));
        Future<Integer> refused = queues.submit("a", () -> 4);
        Future<Integer> other = queues.submit("b", () -> 5);
        assertEquals(5, other.await(10, TimeUnit.SECONDS), "another sandbox does not wait behind a busy one");
        assertTrue(refused.failed());
        assertInstanceOf(SandboxQueues.Full.class, refused.cause());
        release.countDown();
        for (Future<Integer> f : done) {
            f.await(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(1, 2, 3), order);
        assertEquals(6, queues.submit("a", () -> 6).await(10, TimeUnit.SECONDS), "room again once the queue drains");
    }
}
