package io.kubelab.apiserver.fieldmanager;

import io.kubelab.model.ResourceType;

import java.util.List;

/**
 * The fields no manager owns through a given endpoint: the status through the main resource and the spec
 * through {@code /status} (the strategies' {@code GetResetFields}), and the metadata the API server itself
 * keeps (apimachinery's {@code stripMetaManager}).
 */
final class ResetFields {

    /** apiVersion, kind, and the server's own metadata: never owned by anyone. */
    static final FieldSet STRIPPED = new FieldSet();
    private static final FieldSet STATUS = new FieldSet();
    private static final FieldSet SPEC = new FieldSet();
    private static final FieldSet NONE = new FieldSet();

    static {
        STRIPPED.insert(List.of(PathElement.field("apiVersion")));
        STRIPPED.insert(List.of(PathElement.field("kind")));
        STRIPPED.insert(List.of(PathElement.field("metadata")));
        for (String field : List.of("name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName",
                "generation", "managedFields", "resourceVersion")) {
            STRIPPED.insert(List.of(PathElement.field("metadata"), PathElement.field(field)));
        }
        STATUS.insert(List.of(PathElement.field("status")));
        SPEC.insert(List.of(PathElement.field("spec")));
    }

    private ResetFields() {
    }

    static FieldSet of(ResourceType type, String subresource) {
        if (subresource.equals("status")) {
            return SPEC;
        }
        if (subresource.isEmpty() && type.hasSubresource("status")) {
            return STATUS;
        }
        return NONE;
    }
}
