package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.store.WatchEvent;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * autoscaling/v1 HorizontalPodAutoscalers served from the stored autoscaling/v2 ones, as kube-apiserver 1.32
 * serves both versions of one resource: requests are converted on the way in and answers on the way out by
 * {@link HpaConversion}, so {@code kubectl autoscale} (which posts v1) and {@code kubectl get hpa} (v2) see
 * the same objects.
 */
final class HpaApi {

    static final ResourceType STORED = ResourceTypes.of(HpaConversion.V2, "HorizontalPodAutoscaler");
    private static final String KIND = "HorizontalPodAutoscaler";
    private static final String LIST_KIND = "HorizontalPodAutoscalerList";

    private HpaApi() {
    }

    static boolean serves(ResourceType type) {
        return type.group().equals("autoscaling") && type.version().equals("v1");
    }

    /** The request as the stored version sees it; a PATCH becomes an UPDATE of the patched v1 object. */
    static ApiRequest toStored(ApiRequest r, Function<ApiRequest, ObjectNode> readStored, Patcher patcher) {
        Optional<JsonNode> body = r.body();
        ApiRequest.Verb verb = r.verb();
        ApiRequest.PatchType patchType = r.patchType();
        if (verb == ApiRequest.Verb.PATCH) {
            ObjectNode stored = HpaConversion.toV1(readStored.apply(read(r)));
            body = Optional.of(HpaConversion.toV2(patcher.apply(r, stored).object()));
            verb = ApiRequest.Verb.UPDATE;
            patchType = ApiRequest.PatchType.NONE;
        } else if (body.isPresent() && (verb == ApiRequest.Verb.CREATE || verb == ApiRequest.Verb.UPDATE)) {
            JsonNode given = body.get();
            if (!given.isObject() || !given.path("apiVersion").asText().equals(HpaConversion.V1)
                    || !given.path("kind").asText().equals(KIND)) {
                throw new StatusException(Status.badRequest("the API version in the data ("
                        + given.path("apiVersion").asText() + ") does not match the expected API version ("
                        + HpaConversion.V1 + ")"));
            }
            body = Optional.of(HpaConversion.toV2((ObjectNode) given));
        }
        return new ApiRequest(r.user(), verb, STORED, r.namespace(), r.name(), r.subresource(), body, patchType,
                r.options());
    }

    /** The stored object a PATCH applies to: the main resource, whichever subresource is patched. */
    private static ApiRequest read(ApiRequest r) {
        return new ApiRequest(r.user(), ApiRequest.Verb.GET, STORED, r.namespace(), r.name(), "", Optional.empty(),
                ApiRequest.PatchType.NONE, r.options());
    }

    /** A stored answer (an autoscaler, a list of them or a Status) in the autoscaling/v1 shape. */
    static ApiResponse fromStored(ApiResponse response) {
        ObjectNode body = response.body();
        String kind = body.path("kind").asText();
        if (kind.equals(KIND)) {
            return new ApiResponse(response.code(), HpaConversion.toV1(body), response.warnings());
        }
        if (kind.equals(LIST_KIND)) {
            ObjectNode list = body.deepCopy();
            list.put("apiVersion", HpaConversion.V1);
            ArrayNode items = list.putArray("items");
            for (JsonNode item : body.path("items")) {
                ObjectNode converted = HpaConversion.toV1((ObjectNode) item);
                converted.remove("apiVersion");
                converted.remove("kind");
                items.add(converted);
            }
            return new ApiResponse(response.code(), list, response.warnings());
        }
        return response;
    }

    static Consumer<WatchEvent> converting(Consumer<WatchEvent> sink) {
        return event -> sink.accept(event.type() == WatchEvent.Type.BOOKMARK ? event
                : new WatchEvent(event.type(), HpaConversion.toV1(event.object()), event.revision()));
    }
}
