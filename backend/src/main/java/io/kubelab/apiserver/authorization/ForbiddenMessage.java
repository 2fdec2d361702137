package io.kubelab.apiserver.authorization;

import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.Status;

import java.util.List;
import java.util.Optional;

import static io.kubelab.model.FieldErrors.goQuote;

/**
 * The words of a 403 from the authorization filter ({@code responsewriters.Forbidden} and
 * {@code forbiddenMessage} in 1.32). The user's name only (no groups); the resource with its subresource and its
 * API group quoted apart ({@code "pods/exec" in API group ""}); {@code in the namespace "x"} or
 * {@code at the cluster scope}. When the authorizers gave a reason (RBAC only does when a binding's role is
 * missing), it follows after {@code ": "}. {@code & < >} in the message (not the reason) are HTML-escaped.
 */
public final class ForbiddenMessage {

    private ForbiddenMessage() {
    }

    /** The part after {@code is forbidden: }, reason included when non-empty. */
    public static String why(Attributes request, String reason) {
        String message = sanitize(describe(request));
        return reason.isEmpty() ? message : message + ": " + reason;
    }

    /**
     * The whole Status: {@code pods is forbidden: ...}, {@code nodes "node01" is forbidden: ...}, or for a
     * non-resource request {@code forbidden: User "x" cannot get path "/foo"} with empty details.
     */
    public static Status status(Attributes request, String reason) {
        String why = why(request, reason);
        if (!request.resourceRequest() || request.resource().isEmpty()) {
            return new Status(403, "Forbidden", "forbidden: " + why,
                    Optional.of(new Status.Details(request.name(), request.apiGroup(), request.resource(), List.of(), 0)));
        }
        return Status.forbidden(new GroupResource(request.apiGroup(), request.resource()), request.name(), why);
    }

    private static String describe(Attributes request) {
        String user = goQuote(request.user());
        if (!request.resourceRequest()) {
            return "User " + user + " cannot " + request.verb() + " path " + goQuote(request.path());
        }
        String resource = request.subresource().isEmpty()
                ? request.resource() : request.resource() + "/" + request.subresource();
        String where = request.namespace().isEmpty()
                ? "at the cluster scope" : "in the namespace " + goQuote(request.namespace());
        return "User " + user + " cannot " + request.verb() + " resource " + goQuote(resource) + " in API group "
                + goQuote(request.apiGroup()) + " " + where;
    }

    private static String sanitize(String message) {
        return message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
