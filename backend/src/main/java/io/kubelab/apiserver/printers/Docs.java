package io.kubelab.apiserver.printers;

/**
 * Column descriptions taken from the API's Swagger docs ({@code metav1.ObjectMeta{}.SwaggerDoc()[...]}).
 * kubectl never prints them; they travel in the Table JSON. Descriptions printers.go writes literally are
 * next to their columns instead.
 */
final class Docs {

    static final String OBJECT_META_NAME = "Name must be unique within a namespace. Is required when creating "
            + "resources, although some resources may allow a client to request the generation of an appropriate "
            + "name automatically. Name is primarily intended for creation idempotence and configuration "
            + "definition. Cannot be updated. More info: "
            + "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    static final String OBJECT_META_CREATION_TIMESTAMP = "CreationTimestamp is a timestamp representing the "
            + "server time when this object was created. It is not guaranteed to be set in happens-before order "
            + "across separate operations. Clients may not set this value. It is represented in RFC3339 form and "
            + "is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    /**
     * Descriptions printers.go takes from the Swagger docs of other fields (a pod's podIP, a service's type...)
     * are not carried yet: those columns describe themselves by this empty string.
     */
    static final String FIELD = "";

    private Docs() {
    }
}
