package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The query parameters (and a DELETE's {@code DeleteOptions} body) of a request, read into the API server's
 * {@link RequestOptions} with kube-apiserver's checks and messages.
 */
final class QueryOptions {

    private static final String PROPAGATION_POLICY = "propagationPolicy";
    private static final List<String> POLICIES = List.of("Foreground", "Background", "Orphan");

    private QueryOptions() {
    }

    static RequestOptions read(KubeRequest request, Optional<JsonNode> deleteOptions) {
        RequestOptions options = RequestOptions.DEFAULT;
        boolean dryRun = dryRun(request.query().getOrDefault("dryRun", List.of()));
        if (deleteOptions.isPresent()) {
            JsonNode body = deleteOptions.get();
            dryRun |= dryRun(strings(body.path("dryRun")));
            if (body.path("propagationPolicy").isTextual()) {
                options = options.withPropagationPolicy(body.path("propagationPolicy").asText());
            } else if (body.path("orphanDependents").isBoolean()) {
                options = options.withPropagationPolicy(orphanPolicy(body.path("orphanDependents").asBoolean()));
            }
            if (body.path("gracePeriodSeconds").canConvertToLong()) {
                options = options.withGracePeriod(body.path("gracePeriodSeconds").asLong());
            }
            JsonNode pre = body.path("preconditions");
            options = options.withPreconditions(text(pre.path("uid")), text(pre.path("resourceVersion")));
        }
        options = options.withDryRun(dryRun);
        // delete.go reads DeleteOptions from the body when there is one, else from the query.
        String policy = deleteOptions.isPresent() ? "" : request.param("propagationPolicy");
        if (!policy.isEmpty()) {
            options = options.withPropagationPolicy(policy);
        } else if (deleteOptions.isEmpty() && !request.param("orphanDependents").isEmpty()) {
            options = options.withPropagationPolicy(orphanPolicy(truthy(request.param("orphanDependents"))));
        }
        String grace = deleteOptions.isPresent() ? "" : request.param("gracePeriodSeconds");
        if (!grace.isEmpty()) {
            options = options.withGracePeriod(integer("gracePeriodSeconds", grace));
        }
        String validation = request.param("fieldValidation");
        if (!validation.isEmpty()) {
            options = options.withFieldValidation(fieldValidation(validation));
        }
        options = options.withSelectors(request.param("labelSelector"), request.param("fieldSelector"));
        String limit = request.param("limit");
        String token = request.param("continue");
        if (!limit.isEmpty() || !token.isEmpty()) {
            options = options.withPage(limit.isEmpty() ? 0 : Math.max(0, integer("limit", limit)),
                    token.isEmpty() ? Optional.empty() : Optional.of(token));
        }
        options = options.withResourceVersion(request.param("resourceVersion"),
                truthy(request.param("allowWatchBookmarks")));
        if (QueryOptions.truthy(request.param("force"))) {
            options = options.withForce(true);
        }
        if (!request.header("user-agent").isEmpty()) {
            // Without a fieldManager, kube-apiserver names the manager after the User-Agent's first word.
            options = options.withUserAgent(request.header("user-agent"));
        }
        String manager = request.param("fieldManager");
        if (!manager.isEmpty()) {
            if (manager.length() > 128) {
                throw new StatusException(Status.badRequest("fieldManager: Too long: may not be more than 128 bytes"));
            }
            options = options.withFieldManager(manager);
        }
        return options;
    }

    /**
     * apimachinery's {@code ValidateDeleteOptions}: a 422 for a propagation policy kube-apiserver does not know,
     * or one set together with the deprecated {@code orphanDependents}.
     */
    static void validateDelete(KubeRequest request, Optional<JsonNode> deleteOptions) {
        String policy;
        boolean orphanSet;
        if (deleteOptions.isPresent()) {
            JsonNode body = deleteOptions.get();
            policy = body.path("propagationPolicy").isTextual() ? body.path("propagationPolicy").asText() : null;
            orphanSet = body.path("orphanDependents").isBoolean();
        } else {
            policy = request.hasParam("propagationPolicy") ? request.param("propagationPolicy") : null;
            orphanSet = request.hasParam("orphanDependents");
        }
        if (policy == null) {
            return;
        }
        List<Status.Cause> causes = new java.util.ArrayList<>(2);
        String quoted = "\"" + policy.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (orphanSet) {
            causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: " + quoted
                    + ": orphanDependents and deletionPropagation cannot be both set", PROPAGATION_POLICY));
        }
        if (!POLICIES.contains(policy)) {
            causes.add(new Status.Cause("FieldValueNotSupported", "Unsupported value: " + quoted
                    + ": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"", PROPAGATION_POLICY));
        }
        if (!causes.isEmpty()) {
            throw new StatusException(Status.invalid("meta.k8s.io", "DeleteOptions", "", causes));
        }
    }

    /**
     * The deprecated {@code orphanDependents}: true orphans, false deletes the dependents first (the
     * registry's {@code shouldDeleteDependents} reads it as foreground, not background).
     */
    private static String orphanPolicy(boolean orphan) {
        return orphan ? "Orphan" : "Foreground";
    }

    /**
     * Whether the request set {@code orphanDependents=false}: kube-apiserver then answers 202 Accepted for a
     * delete that did not finish at once (and 200 for every other delete, even a foreground one).
     */
    static boolean keepsDependentsAlive(KubeRequest request, Optional<JsonNode> deleteOptions) {
        JsonNode orphan = deleteOptions.map(body -> body.path("orphanDependents")).orElse(null);
        if (orphan != null && orphan.isBoolean()) {
            return !orphan.asBoolean();
        }
        return request.param("orphanDependents").equals("false");
    }

    static boolean truthy(String value) {
        return value.equals("true") || value.equals("1");
    }

    private static boolean dryRun(List<String> values) {
        for (String value : values) {
            if (!value.equals("All")) {
                throw new StatusException(Status.badRequest("Invalid dry run value: \"" + value
                        + "\": supported values: \"All\""));
            }
        }
        return !values.isEmpty();
    }

    private static RequestOptions.FieldValidation fieldValidation(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "strict" -> RequestOptions.FieldValidation.STRICT;
            case "warn" -> RequestOptions.FieldValidation.WARN;
            case "ignore" -> RequestOptions.FieldValidation.IGNORE;
            default -> throw new StatusException(Status.badRequest("fieldValidation: Unsupported value: \"" + value
                    + "\": supported values: \"Ignore\", \"Strict\", \"Warn\""));
        };
    }

    static long integer(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new StatusException(Status.badRequest("strconv.ParseInt: parsing \"" + value + "\": invalid syntax"));
        }
    }

    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
