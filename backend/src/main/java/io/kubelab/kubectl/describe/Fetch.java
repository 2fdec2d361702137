package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reads describers make through the API server, paged as kubectl's {@code FollowContinue} pages them. */
final class Fetch {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");
    static final ResourceType REPLICA_SETS = ResourceTypes.of("apps/v1", "ReplicaSet");
    static final ResourceType ENDPOINTS = ResourceTypes.of("v1", "Endpoints");
    static final ResourceType ENDPOINT_SLICES = ResourceTypes.of("discovery.k8s.io/v1", "EndpointSlice");
    static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");
    static final ResourceType QUOTAS = ResourceTypes.of("v1", "ResourceQuota");
    static final ResourceType LIMIT_RANGES = ResourceTypes.of("v1", "LimitRange");
    static final ResourceType LEASES = ResourceTypes.of("coordination.k8s.io/v1", "Lease");

    private Fetch() {
    }

    /** Every item of a list, following continue tokens; the API server's refusal propagates. */
    static List<JsonNode> list(DescribeContext ctx, ResourceType type, String namespace, String labels, String fields) {
        List<JsonNode> items = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            RequestOptions options = RequestOptions.DEFAULT.withSelectors(labels, fields)
                    .withPage(ctx.chunkSize(), token);
            ObjectNode body = ctx.api().handle(ApiRequest.of(ctx.user(), Verb.LIST, type, namespace, "")
                    .withOptions(options)).body();
            body.path("items").forEach(items::add);
            String next = body.path("metadata").path("continue").asText("");
            token = next.isEmpty() ? Optional.empty() : Optional.of(next);
        } while (token.isPresent());
        return items;
    }

    /** A list, or empty when the API server refuses it (describers that ignore such errors). */
    static List<JsonNode> listOrEmpty(DescribeContext ctx, ResourceType type, String namespace, String labels, String fields) {
        try {
            return list(ctx, type, namespace, labels, fields);
        } catch (StatusException e) {
            return List.of();
        }
    }

    static ObjectNode get(DescribeContext ctx, ResourceType type, String namespace, String name) {
        return ctx.api().handle(ApiRequest.of(ctx.user(), Verb.GET, type, namespace, name)).body();
    }
}
