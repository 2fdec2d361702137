package io.kubelab.server;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request at debug level: method, path, status, bytes, milliseconds. The query string is
 * left out, since a terminal link carries a sandbox's token there.
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private RequestLog() {
    }

    static void handle(RoutingContext ctx) {
        if (LOG.isDebugEnabled()) {
            long start = System.nanoTime();
            ctx.addBodyEndHandler(v -> LOG.debug("{} {} {} {}B {}ms", ctx.request().method(), ctx.request().path(),
                    ctx.response().getStatusCode(), ctx.response().bytesWritten(),
                    (System.nanoTime() - start) / 1_000_000));
        }
        ctx.next();
    }
}
