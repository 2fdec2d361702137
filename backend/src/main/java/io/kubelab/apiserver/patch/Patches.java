package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.Patcher;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;

/** The API server's PATCH step: the request's patch type applied to the stored object. */
public final class Patches implements Patcher {

    @Override
    public ObjectNode apply(ApiRequest request, ObjectNode stored) {
        JsonNode patch = request.body().orElseThrow(() ->
                new StatusException(Status.badRequest("the body of the request was empty")));
        try {
            JsonNode result = switch (request.patchType()) {
                case JSON -> JsonPatch.apply(stored, patch);
                case MERGE -> MergePatch.apply(stored, patch);
                case STRATEGIC -> StrategicMergePatch.apply(stored, patch, PatchSchema.forKind(
                        stored.path("apiVersion").asText(), stored.path("kind").asText()).orElse(PatchSchema.UNSTRUCTURED));
                case APPLY, NONE -> throw new StatusException(new Status(415, "UnsupportedMediaType",
                        "the body of the request was in an unknown format - accepted media types include: "
                                + "application/json-patch+json, application/merge-patch+json, "
                                + "application/strategic-merge-patch+json", java.util.Optional.empty()));
            };
            if (!(result instanceof ObjectNode object)) {
                throw new StatusException(Status.badRequest("Object 'Kind' is missing in '" + result + "'"));
            }
            return object;
        } catch (PatchException e) {
            throw new StatusException(e.status());
        }
    }
}
