package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.FieldErrors;

import java.util.List;
import java.util.Optional;

/**
 * A failed request as Kubernetes reports it: a {@code meta/v1 Status} with reason, code, details and
 * a message in apimachinery's words ({@code k8s.io/apimachinery/pkg/api/errors}). kubectl prints it as
 * {@code Error from server (<reason>): <message>}.
 */
public record Status(int code, String reason, String message, Optional<Details> details, String continueToken) {

    public Status(int code, String reason, String message, Optional<Details> details) {
        this(code, reason, message, details, "");
    }

    /** One problem with one field; {@code field} empty when it concerns the whole object. */
    public record Cause(String reason, String message, String field) {
    }

    public record Details(String name, String group, String kind, List<Cause> causes, int retryAfterSeconds) {
        static Details of(String name, String group, String kind) {
            return new Details(name, group, kind, List.of(), 0);
        }
    }

    public static Status notFound(GroupResource resource, String name) {
        return new Status(404, "NotFound", resource + " " + FieldErrors.goQuote(name) + " not found",
                Optional.of(Details.of(name, resource.group(), resource.resource())));
    }

    public static Status alreadyExists(GroupResource resource, String name) {
        return new Status(409, "AlreadyExists", resource + " " + FieldErrors.goQuote(name) + " already exists",
                Optional.of(Details.of(name, resource.group(), resource.resource())));
    }

    /** The optimistic-concurrency failure of an update with a stale resourceVersion. */
    public static Status conflict(GroupResource resource, String name) {
        return new Status(409, "Conflict", "Operation cannot be fulfilled on " + resource + " "
                + FieldErrors.goQuote(name) + ": the object has been modified; please apply your changes to the "
                + "latest version and try again", Optional.of(Details.of(name, resource.group(), resource.resource())));
    }

    /** A 409 with the registry's own explanation after the object's name. */
    public static Status conflictWith(GroupResource resource, String name, String why) {
        return new Status(409, "Conflict", "Operation cannot be fulfilled on " + resource + " "
                + FieldErrors.goQuote(name) + ": " + why, Optional.of(Details.of(name, resource.group(), resource.resource())));
    }

    /** A delete whose uid or resourceVersion precondition does not hold. */
    public static Status conflictPrecondition(GroupResource resource, String name, String what, String expected,
                                              String actual) {
        return new Status(409, "Conflict", "Operation cannot be fulfilled on " + resource + " "
                + FieldErrors.goQuote(name) + ": Precondition failed: " + what + " in precondition: " + expected
                + ", " + what + " in object meta: " + actual,
                Optional.of(Details.of(name, resource.group(), resource.resource())));
    }

    /** {@code qualifiedKind} as Kubernetes prints it: {@code Pod}, {@code Deployment.apps}. */
    public static Status invalid(String group, String kind, String name, List<Cause> causes) {
        List<String> messages = causes.stream()
                .map(c -> c.field().isEmpty() ? c.message() : c.field() + ": " + c.message()).toList();
        String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
        return new Status(422, "Invalid", qualifiedKind + " " + FieldErrors.goQuote(name) + " is invalid: "
                + FieldErrors.aggregate(messages), Optional.of(new Details(name, group, kind, causes, 0)));
    }

    public static Status forbidden(GroupResource resource, String name, String why) {
        String subject = name.isEmpty() ? resource.toString() : resource + " " + FieldErrors.goQuote(name);
        return new Status(403, "Forbidden", subject + " is forbidden: " + why,
                Optional.of(Details.of(name, resource.group(), resource.resource())));
    }

    public static Status badRequest(String message) {
        return new Status(400, "BadRequest", message, Optional.empty());
    }

    public static Status methodNotAllowed(GroupResource resource, String action) {
        return new Status(405, "MethodNotAllowed", action + " is not supported on resources of kind "
                + FieldErrors.goQuote(resource.toString()), Optional.of(Details.of("", resource.group(), resource.resource())));
    }

    /** 410 Gone: a watch, list or continue token from before the last compaction. */
    public static Status expired(String message, String continueToken) {
        return new Status(410, "Expired", message, Optional.empty(), continueToken);
    }

    public static Status tooManyRequests(String message, int retryAfterSeconds) {
        return new Status(429, "TooManyRequests", message, Optional.of(new Details("", "", "", List.of(),
                retryAfterSeconds)));
    }

    public static Status requestEntityTooLarge(String message) {
        return new Status(413, "RequestEntityTooLarge", "Request entity too large: " + message, Optional.empty());
    }

    public static Status serviceUnavailable(String message) {
        return new Status(503, "ServiceUnavailable", message, Optional.empty());
    }

    public static Status timeout(String message, int retryAfterSeconds) {
        return new Status(504, "Timeout", "Timeout: " + message, Optional.of(new Details("", "", "", List.of(),
                retryAfterSeconds)));
    }

    public static Status internalError(String message) {
        return new Status(500, "InternalError", "Internal error occurred: " + message,
                Optional.of(new Details("", "", "", List.of(new Cause("", message, "")), 0)));
    }

    /** The Status as Kubernetes serialises it, fields in its order, empty ones left out. */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", "Status").put("apiVersion", "v1");
        ObjectNode metadata = out.putObject("metadata");
        putIfSet(metadata, "continue", continueToken);
        out.put("status", "Failure").put("message", message);
        putIfSet(out, "reason", reason);
        details.ifPresent(d -> {
            ObjectNode node = out.putObject("details");
            putIfSet(node, "name", d.name());
            putIfSet(node, "group", d.group());
            putIfSet(node, "kind", d.kind());
            if (!d.causes().isEmpty()) {
                var causes = node.putArray("causes");
                for (Cause c : d.causes()) {
                    ObjectNode cause = causes.addObject();
                    putIfSet(cause, "reason", c.reason());
                    putIfSet(cause, "message", c.message());
                    putIfSet(cause, "field", c.field());
                }
            }
            if (d.retryAfterSeconds() > 0) {
                node.put("retryAfterSeconds", d.retryAfterSeconds());
            }
        });
        out.put("code", code);
        return out;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
