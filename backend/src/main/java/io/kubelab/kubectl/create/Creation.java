package io.kubelab.kubectl.create;

import io.kubelab.kubectl.DryRun;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.model.ResourceType;

/**
 * Sends one new object to the API server as kubectl's resource helper does ({@code POST} to its
 * collection in {@code namespace}), printing the server's warnings as kubectl does; a client dry run
 * sends nothing and answers the object itself.
 */
public final class Creation {

    private Creation() {
    }

    public static ObjectNode create(KubectlContext ctx, ResourceType type, String namespace, ObjectNode object,
                                    DryRun dryRun, RequestOptions options) {
        if (dryRun.sendsNothing()) {
            return object;
        }
        ApiResponse response = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE, type,
                type.namespaced() ? namespace : "", "").withBody(object).withOptions(options));
        warn(ctx, response);
        return response.body();
    }

    /** kubectl's warning handler: each warning on stderr as {@code Warning: text}. */
    public static void warn(KubectlContext ctx, ApiResponse response) {
        for (String warning : response.warnings()) {
            ctx.err().append("Warning: ").append(warning).append('\n');
        }
    }
}
