package io.kubelab.k8sapi.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;

import java.util.List;
import java.util.Map;

/** Protobuf bodies built from descriptors, for cases kubectl does not send (only fields set are on the wire). */
final class Bodies {

    static final byte[] PREFIX = {0x6b, 0x38, 0x73, 0x00};

    private Bodies() {
    }

    /** {@code k8s\0} and a runtime.Unknown around {@code raw}. */
    static byte[] envelope(String apiVersion, String kind, byte[] raw) {
        DynamicMessage unknown = message("apimachinery.pkg.runtime.Unknown",
                "typeMeta", message("apimachinery.pkg.runtime.TypeMeta", "apiVersion", apiVersion, "kind", kind),
                "raw", ByteString.copyFrom(raw));
        byte[] bytes = unknown.toByteArray();
        byte[] body = new byte[PREFIX.length + bytes.length];
        System.arraycopy(PREFIX, 0, body, 0, PREFIX.length);
        System.arraycopy(bytes, 0, body, PREFIX.length, bytes.length);
        return body;
    }

    static byte[] envelope(String apiVersion, String kind, DynamicMessage object) {
        return envelope(apiVersion, kind, object.toByteArray());
    }

    /**
     * A message of {@code k8s.io.<name>} with fields by name: a List is a repeated field, a Map a map field
     * (insertion order kept on the wire), anything else the value.
     */
    static DynamicMessage message(String name, Object... fieldsAndValues) {
        Descriptor d = DescriptorIndex.get().message("k8s.io." + name).orElseThrow(() -> new AssertionError(name));
        DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            FieldDescriptor f = d.findFieldByName((String) fieldsAndValues[i]);
            if (f == null) {
                throw new AssertionError(name + " has no field " + fieldsAndValues[i]);
            }
            Object v = fieldsAndValues[i + 1];
            if (v instanceof Map<?, ?> map) {
                Descriptor entry = f.getMessageType();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    b.addRepeatedField(f, DynamicMessage.newBuilder(entry)
                            .setField(entry.findFieldByNumber(1), e.getKey())
                            .setField(entry.findFieldByNumber(2), e.getValue()).build());
                }
            } else if (v instanceof List<?> list) {
                list.forEach(x -> b.addRepeatedField(f, x));
            } else {
                b.setField(f, v);
            }
        }
        return b.build();
    }
}
