package io.kubelab.server;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Supplier;

/** {@code GET /healthz} (DESIGN 3.1): 200 UP once the server accepts work, 503 while starting or draining. */
final class Health {

    enum State { STARTING, UP, DRAINING }

    private volatile State state = State.STARTING;
    private final Supplier<JsonObject> details;

    Health(Supplier<JsonObject> details) {
        this.details = details;
    }

    void up() {
        state = State.UP;
    }

    void drain() {
        state = State.DRAINING;
    }

    State state() {
        return state;
    }

    void handle(RoutingContext ctx) {
        State now = state;
        JsonObject body = new JsonObject().put("status", now.name());
        if (now == State.UP) {
            body.mergeIn(details.get());
        }
        ctx.response()
                .setStatusCode(now == State.UP ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
