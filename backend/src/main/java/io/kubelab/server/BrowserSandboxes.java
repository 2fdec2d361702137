package io.kubelab.server;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sandboxes a browser owns, kept in its web session (clustered in Hazelcast, so any member knows).
 * Sessions are lazy: a request that never touches one, such as an API call with a bearer token,
 * creates none.
 */
final class BrowserSandboxes {

    static final String COOKIE = "kubelab.session";
    private static final String KEY = "sandboxes";

    private BrowserSandboxes() {
    }

    static List<String> owned(RoutingContext ctx) {
        if (ctx.request().getCookie(COOKIE) == null || ctx.session() == null) {
            return List.of();
        }
        return owned(ctx.session());
    }

    static List<String> owned(Session session) {
        if (session == null) {
            return List.of();
        }
        String ids = session.get(KEY);
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    static boolean owns(Session session, String id) {
        return owned(session).contains(id);
    }

    static void add(RoutingContext ctx, String id) {
        List<String> ids = new ArrayList<>(owned(ctx.session()));
        if (!ids.contains(id)) {
            ids.add(id);
            ctx.session().put(KEY, String.join(",", ids));
        }
    }

    static void keepOnly(RoutingContext ctx, List<String> live) {
        if (!owned(ctx).equals(live)) {
            ctx.session().put(KEY, String.join(",", live));
        }
    }
}
