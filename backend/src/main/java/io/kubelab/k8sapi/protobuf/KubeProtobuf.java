package io.kubelab.k8sapi.protobuf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Kubernetes' protobuf wire format ({@code application/vnd.kubernetes.protobuf}) for request bodies: the bytes
 * {@code k8s\0}, then a {@code runtime.Unknown} whose {@code raw} is the object's message. {@link #decode} gives
 * the object as the JSON tree Kubernetes holds for it, with the errors of apimachinery's protobuf serializer.
 */
public final class KubeProtobuf {

    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    /** The name kube-apiserver's scheme gives itself in "not registered" errors. */
    static final String SCHEME = "pkg/api/legacyscheme/scheme.go:30";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KubeProtobuf() {
    }

    /** Whether a Content-Type names the protobuf media type (parameters aside, case-insensitively). */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
        return type.equalsIgnoreCase(MEDIA_TYPE);
    }

    /** The object of a protobuf body whose envelope names its kind. */
    public static ObjectNode decode(byte[] body) {
        return decode(body, "", "");
    }

    /**
     * The object of a protobuf body; the endpoint's apiVersion and kind fill in what the envelope leaves empty,
     * as the serializer's {@code copyKindDefaults} does with the handler's default kind (pass "" for none).
     */
    public static ObjectNode decode(byte[] body, String defaultApiVersion, String defaultKind) {
        Envelope unknown = Envelope.read(body);
        GroupVersionKind gvk = GroupVersionKind.of(unknown.apiVersion(), unknown.kind())
                .withDefaults(GroupVersionKind.of(defaultApiVersion, defaultKind));
        if (gvk.kind().isEmpty()) {
            throw new ProtobufBodyException("Object 'Kind' is missing in '" + typeMetaGoString(unknown) + "'");
        }
        if (gvk.version().isEmpty()) {
            throw new ProtobufBodyException("Object 'apiVersion' is missing in '" + typeMetaGoString(unknown) + "'");
        }
        Descriptor type = DescriptorIndex.get().kind(gvk.group(), gvk.version(), gvk.kind())
                .orElseThrow(() -> new ProtobufBodyException("no kind \"" + gvk.kind() + "\" is registered for version \""
                        + gvk.apiVersion() + "\" in scheme \"" + SCHEME + "\"", gvk.apiVersion(), gvk.kind()));
        DynamicMessage message;
        try {
            message = DynamicMessage.newBuilder(type)
                    .mergeFrom(unknown.raw(), ExtensionRegistry.getEmptyRegistry())
                    .buildPartial();
        } catch (InvalidProtocolBufferException e) {
            throw new ProtobufBodyException(WireErrors.goMessage(e, gvk.kind()), gvk.apiVersion(), gvk.kind());
        }
        ObjectNode object = NODES.objectNode();
        object.put("kind", gvk.kind());
        object.put("apiVersion", gvk.apiVersion());
        try {
            JsonTreeWriter.writeFields(message, object);
        } catch (ProtobufBodyException e) {
            throw e.withKind(gvk.apiVersion(), gvk.kind());
        }
        return object;
    }

    /**
     * The protobuf body of an object (for an {@code Accept: application/vnd.kubernetes.protobuf} answer): the bytes
     * gogo-protobuf writes for the Go struct the object's JSON decodes into, in the {@code k8s\0} envelope.
     *
     * @throws IllegalArgumentException for an object whose kind has no protobuf message
     */
    public static byte[] encode(ObjectNode object) {
        GroupVersionKind gvk = GroupVersionKind.of(object.path("apiVersion").asText(), object.path("kind").asText());
        Descriptor type = DescriptorIndex.get().kind(gvk.group(), gvk.version(), gvk.kind())
                .orElseThrow(() -> new IllegalArgumentException("no protobuf message for " + gvk.apiVersion() + " " + gvk.kind()));
        return Envelope.write(gvk.apiVersion(), gvk.kind(), MessageEncoder.message(object, type).toByteString());
    }

    /** {@code fmt.Sprintf("%#v", unk.TypeMeta)}. */
    private static String typeMetaGoString(Envelope unknown) {
        return "runtime.TypeMeta{APIVersion:" + io.kubelab.model.FieldErrors.goQuote(unknown.apiVersion())
                + ", Kind:" + io.kubelab.model.FieldErrors.goQuote(unknown.kind()) + "}";
    }
}
