package io.kubelab.server;

import io.vertx.ext.web.RoutingContext;

/** Absolute URLs for answers that hand out links: the operator's public URL, else what the caller used. */
final class Urls {

    private Urls() {
    }

    /** Where a real kubectl reaches the Kubernetes API, and whether that is our own certificate's listener. */
    record KubeApi(String url, boolean ownCertificate) {
    }

    /**
     * An https public URL (a proxy with a real certificate in front); otherwise our TLS listener on the host the
     * caller used.
     */
    static KubeApi kubeApi(RoutingContext ctx, ServerConfig config, int port) {
        if (config.publicUrl().filter(u -> u.startsWith("https://")).isPresent()) {
            return new KubeApi(config.publicUrl().get(), false);
        }
        String host = ctx.request().authority() != null ? ctx.request().authority().host() : "localhost";
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return new KubeApi("https://" + host + ":" + port, true);
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
