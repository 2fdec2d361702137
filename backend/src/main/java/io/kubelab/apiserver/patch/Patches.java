package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.Patcher;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.schema.StrictDecoding;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.List;
import java.util.Optional;

/** The API server's PATCH step: the request's patch type applied to the stored object. */
public final class Patches implements Patcher {

    @Override
    public Patched apply(ApiRequest request, ObjectNode stored) {
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
            return new Patched(object, decode(object, request.options().fieldValidation()));
        } catch (PatchException e) {
            throw new StatusException(e.status());
        }
    }

    /**
     * The patched object decoded into its Go type, as patch.go does: a type error is a 422 on field
     * {@code patch} quoting the patched JSON; unknown fields follow {@code fieldValidation}, reported without
     * the "cannot be handled" prefix a create has.
     */
    private static List<String> decode(ObjectNode patched, RequestOptions.FieldValidation mode) {
        Optional<ResourceType> type = ResourceTypes.byKind(patched.path("apiVersion").asText(),
                patched.path("kind").asText());
        if (type.isEmpty()) {
            return List.of();
        }
        StrictDecoding.Problems problems = StrictDecoding.problems(patched, type.get(),
                mode != RequestOptions.FieldValidation.IGNORE);
        if (problems.typeError().isPresent()) {
            throw new StatusException(PatchException.invalidPatch(patched.toString(), problems.typeError().get())
                    .status());
        }
        if (problems.unknownFields().isEmpty() || mode == RequestOptions.FieldValidation.WARN) {
            return problems.unknownFields();
        }
        throw new StatusException(Status.badRequest("strict decoding error: "
                + String.join(", ", problems.unknownFields())));
    }
}
