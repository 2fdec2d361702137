package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.FieldErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * The review resources that ask the authorizer a question instead of storing anything:
 * SelfSubjectAccessReview ({@code kubectl auth can-i}), SubjectAccessReview and LocalSubjectAccessReview
 * ({@code --as}), SelfSubjectRulesReview ({@code can-i --list}) and SelfSubjectReview ({@code auth whoami}).
 */
public final class AccessReviews {

    private final Authorizer authorizer;
    private final RulesResolver rules;

    public AccessReviews(RbacSource policy) {
        this.authorizer = UnionAuthorizer.kubeadm(policy);
        this.rules = new RulesResolver(policy);
    }

    /** Registers every review resource's handler on the API server. */
    public void register(ApiServer api) {
        api.registerCreateOnly("authorization.k8s.io/selfsubjectaccessreviews", (r, body) ->
                review(body, r.user().name(), r.user().groups(), "", false));
        api.registerCreateOnly("authorization.k8s.io/subjectaccessreviews", (r, body) ->
                review(body, body.path("spec").path("user").asText(""), groups(body), "",
                        true));
        api.registerCreateOnly("authorization.k8s.io/localsubjectaccessreviews", (r, body) -> {
            String metadataNamespace = body.path("metadata").path("namespace").asText("");
            if (!metadataNamespace.isEmpty() && !metadataNamespace.equals(r.namespace())) {
                throw new StatusException(Status.badRequest("namespace of the provided object does not match the "
                        + "namespace sent on the request"));
            }
            List<Status.Cause> causes = new ArrayList<>();
            JsonNode resource = body.path("spec").path("resourceAttributes");
            String namespace = resource.path("namespace").asText("");
            if (!resource.isMissingNode() && !namespace.equals(r.namespace())) {
                causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: " + FieldErrors.goQuote(namespace)
                        + ": must match metadata.namespace", "spec.resourceAttributes.namespace"));
            }
            if (body.path("spec").has("nonResourceAttributes")) {
                causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: "
                        + goStruct(body.path("spec").path("nonResourceAttributes"))
                        + ": disallowed on this kind of request", "spec.nonResourceAttributes"));
            }
            if (!causes.isEmpty()) {
                throw new StatusException(Status.invalid("authorization.k8s.io", "LocalSubjectAccessReview", "", causes));
            }
            return review(body, body.path("spec").path("user").asText(""), groups(body),
                    r.namespace(), true);
        });
        api.registerCreateOnly("authorization.k8s.io/selfsubjectrulesreviews", (r, body) -> {
            String namespace = body.path("spec").path("namespace").asText("");
            ObjectNode out = echo(body);
            out.set("status", rules.rulesFor(r.user().name(), r.user().groups(), namespace).toJson());
            return out;
        });
        // Sandbox tokens are checked by the server in front of the engine, which never sees them: a
        // TokenReview asked of the engine authenticates nobody.
        api.registerCreateOnly("authentication.k8s.io/tokenreviews", (r, body) -> {
            ObjectNode out = echo(body);
            out.putObject("status").putObject("user");
            return out;
        });
        api.registerCreateOnly("authentication.k8s.io/selfsubjectreviews", (r, body) -> {
            ObjectNode out = echo(body);
            ObjectNode user = out.putObject("status").putObject("userInfo");
            user.put("username", r.user().name());
            r.user().groups().forEach(user.withArray("groups")::add);
            return out;
        });
    }

    /** Go's {@code %#v} of the NonResourceAttributes a field error shows (the pointer dereferenced). */
    private static String goStruct(JsonNode attributes) {
        return "authorization.NonResourceAttributes{Path:" + FieldErrors.goQuote(attributes.path("path").asText(""))
                + ", Verb:" + FieldErrors.goQuote(attributes.path("verb").asText("")) + "}";
    }

    private ObjectNode review(ObjectNode body, String user, List<String> groups, String namespace,
                              boolean subjectGiven) {
        JsonNode spec = body.path("spec");
        JsonNode resource = spec.path("resourceAttributes");
        JsonNode nonResource = spec.path("nonResourceAttributes");
        List<Status.Cause> causes = new ArrayList<>();
        if (!resource.isMissingNode() && !nonResource.isMissingNode()) {
            causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: " + goStruct(nonResource)
                    + ": cannot be specified in combination with resourceAttributes", "spec.nonResourceAttributes"));
        }
        if (resource.isMissingNode() && nonResource.isMissingNode()) {
            causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: \"null\": exactly one of "
                    + "nonResourceAttributes or resourceAttributes must be specified", "spec.resourceAttributes"));
        }
        if (subjectGiven && user.isEmpty() && groups.isEmpty()) {
            causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: \"\": at least one of user or group must be "
                    + "specified", "spec.user"));
        }
        if (!causes.isEmpty()) {
            throw new StatusException(Status.invalid("authorization.k8s.io", body.path("kind").asText(), "", causes));
        }
        Attributes attributes = resource.isMissingNode()
                ? Attributes.nonResource(user, groups, nonResource.path("verb").asText(""),
                nonResource.path("path").asText(""))
                : Attributes.resource(user, groups, resource.path("verb").asText(""), resource.path("group").asText(""),
                resource.path("resource").asText(""), resource.path("subresource").asText(""),
                namespace.isEmpty() ? resource.path("namespace").asText("") : namespace,
                resource.path("name").asText(""));
        Decision decision = authorizer.authorize(attributes);
        ObjectNode out = echo(body);
        ObjectNode status = out.putObject("status");
        status.put("allowed", decision.allowed());
        if (!decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
        return out;
    }

    private static List<String> groups(ObjectNode body) {
        return PolicyRules.strings(body.path("spec"), "groups");
    }

    private static ObjectNode echo(ObjectNode body) {
        ObjectNode out = body.deepCopy();
        out.remove("status");
        ObjectNode metadata = out.putObject("metadata");
        metadata.putNull("creationTimestamp");
        body.path("metadata").properties().forEach(e -> {
            if (!e.getKey().equals("creationTimestamp")) {
                metadata.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
