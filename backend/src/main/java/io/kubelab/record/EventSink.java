package io.kubelab.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Where a component's recorder writes: the sandbox's API server, called as the component's user, with the
 * sandbox's clock for timestamps and retries and a seeded random source for retry jitter (so a run repeats).
 */
public record EventSink(ApiServer api, UserInfo user, SimClock clock, RandomGenerator random) {

    static final ResourceType CORE_EVENTS = ResourceTypes.of("v1", "Event");
    static final ResourceType EVENTS_V1 = ResourceTypes.of("events.k8s.io/v1", "Event");

    private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);

    /** How one write went, in the three ways client-go tells apart. */
    sealed interface Write permits Stored, Rejected, Unreachable {
    }

    /** The server stored it and answered with the stored event. */
    record Stored(ObjectNode event) implements Write {
    }

    /** The server answered with an error: client-go gives up on the event. */
    record Rejected(Status status) implements Write {
    }

    /** No answer (a stopped API server is a refused connection): client-go sleeps and tries again. */
    record Unreachable() implements Write {
    }

    /** Now, for naming a new event: never the same instant twice in one sandbox (see {@link EventStamps}). */
    Instant stamp() {
        return EventStamps.next(clock);
    }

    Write create(ResourceType type, ObjectNode event) {
        String namespace = event.path("metadata").path("namespace").asText("");
        return send(ApiRequest.of(user, ApiRequest.Verb.CREATE, type, namespace, "").withBody(event));
    }

    /** A strategic merge patch, as {@code EventSinkImpl.Patch} sends it. */
    Write patch(ResourceType type, String namespace, String name, ObjectNode patch) {
        return send(ApiRequest.of(user, ApiRequest.Verb.PATCH, type, namespace, name)
                .withPatch(ApiRequest.PatchType.STRATEGIC, patch));
    }

    private Write send(ApiRequest request) {
        if (!api.running()) {
            return new Unreachable();
        }
        try {
            return new Stored(api.handle(request).body());
        } catch (StatusException e) {
            return new Rejected(e.status());
        } catch (RuntimeException e) {
            // A fault of ours must not take the component down with it: drop the event as a rejected one.
            LOG.error("Unable to write event (will not retry!)", e);
            return new Rejected(new Status(500, "InternalError", String.valueOf(e.getMessage()),
                    java.util.Optional.empty()));
        }
    }
}
