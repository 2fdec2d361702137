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
 * events.k8s.io/v1 served from the core/v1 events, as Kubernetes does: one stored set of events in the
 * core shape, converted on the way in and out, so {@code kubectl get events} and
 * {@code kubectl get events.v1.events.k8s.io} list the same objects.
 */
final class EventsApi {

    static final ResourceType CORE = ResourceTypes.of("v1", "Event");

    private EventsApi() {
    }

    static boolean serves(ResourceType type) {
        return type.group().equals("events.k8s.io") && type.resource().equals("events");
    }

    /** The request as the core events API sees it; a PATCH becomes an UPDATE of the converted result. */
    static ApiRequest toCore(ApiRequest r, Function<ApiRequest, ObjectNode> readCore, Patcher patcher) {
        Optional<JsonNode> body = r.body();
        ApiRequest.Verb verb = r.verb();
        ApiRequest.PatchType patchType = r.patchType();
        if (verb == ApiRequest.Verb.PATCH) {
            ObjectNode stored = EventConversion.toEventsV1(readCore.apply(withType(r, CORE)));
            body = Optional.of(EventConversion.toCoreV1(patcher.apply(r, stored).object()));
            verb = ApiRequest.Verb.UPDATE;
            patchType = ApiRequest.PatchType.NONE;
        } else if (body.isPresent() && (verb == ApiRequest.Verb.CREATE || verb == ApiRequest.Verb.UPDATE)) {
            JsonNode given = body.get();
            if (!given.isObject() || !given.path("apiVersion").asText().equals("events.k8s.io/v1")
                    || !given.path("kind").asText().equals("Event")) {
                throw new StatusException(Status.badRequest("the API version in the data ("
                        + given.path("apiVersion").asText() + ") does not match the expected API version (events.k8s.io/v1)"));
            }
            body = Optional.of(EventConversion.toCoreV1((ObjectNode) given));
        }
        RequestOptions options = r.options();
        if (!options.fieldSelector().isEmpty()) {
            options = options.withSelectors(options.labelSelector(), coreFieldSelector(options.fieldSelector()));
        }
        return new ApiRequest(r.user(), verb, CORE, r.namespace(), r.name(), r.subresource(), body, patchType,
                options);
    }

    /** events.k8s.io's field labels as the core fields they are stored under (pkg/apis/events/v1 conversion). */
    static String coreFieldSelector(String selector) {
        StringBuilder out = new StringBuilder();
        for (String term : selector.split(",")) {
            String mapped = term;
            if (term.startsWith("regarding.")) {
                mapped = "involvedObject." + term.substring("regarding.".length());
            } else if (term.startsWith("reportingController")) {
                mapped = "reportingComponent" + term.substring("reportingController".length());
            } else if (term.startsWith("deprecatedSource")) {
                mapped = "source" + term.substring("deprecatedSource".length());
            }
            out.append(out.length() == 0 ? "" : ",").append(mapped);
        }
        return out.toString();
    }

    /** A core error about {@code events} as events.k8s.io names the resource: {@code events.events.k8s.io}. */
    static StatusException asEventsError(StatusException e) {
        Status status = e.status();
        if (!status.message().startsWith("events ")) {
            return e;
        }
        Optional<Status.Details> details = status.details().map(d -> new Status.Details(d.name(), "events.k8s.io",
                d.kind(), d.causes(), d.retryAfterSeconds()));
        return new StatusException(new Status(status.code(), status.reason(),
                "events.events.k8s.io " + status.message().substring("events ".length()), details, status.continueToken()));
    }

    private static ApiRequest withType(ApiRequest r, ResourceType type) {
        return new ApiRequest(r.user(), ApiRequest.Verb.GET, type, r.namespace(), r.name(), "", Optional.empty(),
                ApiRequest.PatchType.NONE, r.options());
    }

    /** A core answer (an Event, an EventList or a Status) in the events.k8s.io/v1 shape. */
    static ApiResponse fromCore(ApiResponse response) {
        ObjectNode body = response.body();
        String kind = body.path("kind").asText();
        if (kind.equals("Event")) {
            return new ApiResponse(response.code(), EventConversion.toEventsV1(body), response.warnings());
        }
        if (kind.equals("EventList")) {
            ObjectNode list = body.deepCopy();
            list.put("apiVersion", "events.k8s.io/v1");
            ArrayNode items = list.putArray("items");
            for (JsonNode item : body.path("items")) {
                ObjectNode core = (ObjectNode) item.deepCopy();
                core.put("apiVersion", "v1").put("kind", "Event");
                ObjectNode converted = EventConversion.toEventsV1(core);
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
                : new WatchEvent(event.type(), EventConversion.toEventsV1(event.object()), event.revision()));
    }
}
