package io.kubelab.server;

import io.vertx.ext.web.RoutingContext;

/** Absolute URLs for answers that hand out links: the operator's public URL, else what the caller used. */
final class Urls {

    private Urls() {
    }

    static String base(RoutingContext ctx, ServerConfig config) {
        return config.publicUrl().orElseGet(() -> {
            String scheme = ctx.request().scheme();
            String host = ctx.request().authority() != null ? ctx.request().authority().toString()
                    : "localhost:" + ctx.request().localAddress().port();
            return scheme + "://" + host;
        });
    }
}
