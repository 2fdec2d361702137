package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.ResourceType;

import java.util.Optional;

/**
 * One call to the API server, whoever makes it (the terminal's kubectl, a real kubectl over HTTP, a
 * controller): the verb on a resource, its namespace and name, an optional subresource and body, and the
 * options. {@code namespace} is empty for cluster-scoped resources and for lists across namespaces.
 */
public record ApiRequest(UserInfo user, Verb verb, ResourceType type, String namespace, String name,
                         String subresource, Optional<JsonNode> body, PatchType patchType, RequestOptions options) {

    public enum Verb {
        GET, LIST, WATCH, CREATE, UPDATE, PATCH, DELETE, DELETECOLLECTION;

        /** The verb as RBAC and messages spell it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum PatchType {
        NONE(""), JSON("application/json-patch+json"), MERGE("application/merge-patch+json"),
        STRATEGIC("application/strategic-merge-patch+json"), APPLY("application/apply-patch+yaml");

        public final String contentType;

        PatchType(String contentType) {
            this.contentType = contentType;
        }
    }

    public static ApiRequest of(UserInfo user, Verb verb, ResourceType type, String namespace, String name) {
        return new ApiRequest(user, verb, type, namespace, name, "", Optional.empty(), PatchType.NONE,
                RequestOptions.DEFAULT);
    }

    public ApiRequest withBody(JsonNode value) {
        return new ApiRequest(user, verb, type, namespace, name, subresource, Optional.of(value), patchType, options);
    }

    public ApiRequest withSubresource(String value) {
        return new ApiRequest(user, verb, type, namespace, name, value, body, patchType, options);
    }

    public ApiRequest withPatch(PatchType kind, JsonNode patch) {
        return new ApiRequest(user, verb, type, namespace, name, subresource, Optional.of(patch), kind, options);
    }

    public ApiRequest withOptions(RequestOptions value) {
        return new ApiRequest(user, verb, type, namespace, name, subresource, body, patchType, value);
    }

    public ApiRequest withUser(UserInfo value) {
        return new ApiRequest(value, verb, type, namespace, name, subresource, body, patchType, options);
    }

    /** {@code pods}, {@code deployments.apps/scale}: the resource as errors and RBAC name it. */
    public GroupResource groupResource() {
        return new GroupResource(type.group(), type.resource());
    }
}
