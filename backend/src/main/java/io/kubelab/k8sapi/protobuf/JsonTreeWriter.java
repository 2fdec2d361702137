package io.kubelab.k8sapi.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.kubelab.model.GoJson;

import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A decoded message written as Go's encoding/json writes the Go struct that gogo-protobuf unmarshals it into.
 * gogo writes every non-pointer scalar (even zero) and a pointer only when set, and unmarshals an absent field as
 * its zero value: so a present zero is dropped only where the Go field is a non-pointer tagged omitempty, an absent
 * pointer is omitted or null, and an absent non-pointer struct is still written, as Go always writes structs.
 * Maps are written in Go's key order, []byte as standard base64.
 */
final class JsonTreeWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private JsonTreeWriter() {
    }

    /** The fields of {@code m} into {@code out}, which may already hold kind and apiVersion. */
    static void writeFields(DynamicMessage m, ObjectNode out) {
        for (MessagePlan.Field f : MessagePlan.of(m.getDescriptorForType()).fields()) {
            writeField(m, f, out);
        }
    }

    private static void writeField(DynamicMessage m, MessagePlan.Field f, ObjectNode out) {
        FieldDescriptor fd = f.descriptor();
        if (f.inline()) {
            writeFields((DynamicMessage) m.getField(fd), out);
        } else if (fd.isMapField()) {
            @SuppressWarnings("unchecked")
            List<DynamicMessage> entries = (List<DynamicMessage>) m.getField(fd);
            if (entries.isEmpty()) {
                absent(f, out);
            } else {
                out.set(f.json(), map(entries, fd.getMessageType()));
            }
        } else if (fd.isRepeated()) {
            int n = m.getRepeatedFieldCount(fd);
            if (n == 0) {
                absent(f, out);
            } else {
                ArrayNode array = out.putArray(f.json());
                for (int i = 0; i < n; i++) {
                    array.add(value(fd, m.getRepeatedField(fd, i)));
                }
            }
        } else if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            if (m.hasField(fd) || !f.pointer()) {
                out.set(f.json(), message((DynamicMessage) m.getField(fd), f.special()));
            } else {
                absent(f, out);
            }
        } else if (fd.getJavaType() == FieldDescriptor.JavaType.BYTE_STRING) {
            ByteString bytes = (ByteString) m.getField(fd);
            if (!m.hasField(fd) || (bytes.isEmpty() && f.omitEmpty())) {
                absent(f, out);
            } else {
                out.put(f.json(), BASE64.encodeToString(bytes.toByteArray()));
            }
        } else {
            scalar(m, f, out);
        }
    }

    private static void scalar(DynamicMessage m, MessagePlan.Field f, ObjectNode out) {
        FieldDescriptor fd = f.descriptor();
        boolean present = m.hasField(fd);
        if (f.pointer()) {
            if (present) {
                out.set(f.json(), value(fd, m.getField(fd)));
            } else {
                absent(f, out);
            }
            return;
        }
        Object v = m.getField(fd);
        if (!f.omitEmpty() || !isZero(v)) {
            out.set(f.json(), value(fd, v));
        }
    }

    /** A nil slice, map or pointer: omitted under omitempty, else null. */
    private static void absent(MessagePlan.Field f, ObjectNode out) {
        if (!f.omitEmpty()) {
            out.putNull(f.json());
        }
    }

    private static JsonNode message(DynamicMessage m, GoValues.Special special) {
        if (special != null) {
            return GoValues.json(special, m);
        }
        ObjectNode object = NODES.objectNode();
        writeFields(m, object);
        return object;
    }

    /** Go sorts map keys; a key repeated on the wire keeps its last value, as gogo's map assignment does. */
    private static ObjectNode map(List<DynamicMessage> entries, Descriptor entry) {
        FieldDescriptor key = entry.findFieldByNumber(1);
        FieldDescriptor val = entry.findFieldByNumber(2);
        Map<String, JsonNode> sorted = new TreeMap<>(GoJson::compareKeys);
        for (DynamicMessage e : entries) {
            sorted.put(String.valueOf(e.getField(key)), value(val, e.getField(val)));
        }
        ObjectNode object = NODES.objectNode();
        sorted.forEach(object::set);
        return object;
    }

    private static JsonNode value(FieldDescriptor fd, Object v) {
        return switch (fd.getType()) {
            case STRING -> NODES.textNode((String) v);
            case BOOL -> NODES.booleanNode((Boolean) v);
            case INT32, SINT32, SFIXED32 -> NODES.numberNode((Integer) v);
            case UINT32, FIXED32 -> NODES.numberNode(Integer.toUnsignedLong((Integer) v));
            case INT64, SINT64, SFIXED64 -> NODES.numberNode((Long) v);
            case UINT64, FIXED64 -> (Long) v >= 0 ? NODES.numberNode((Long) v)
                    : NODES.numberNode(new BigInteger(Long.toUnsignedString((Long) v)));
            case DOUBLE -> NODES.numberNode((Double) v);
            case FLOAT -> NODES.numberNode((Float) v);
            case BYTES -> NODES.textNode(BASE64.encodeToString(((ByteString) v).toByteArray()));
            case MESSAGE, GROUP -> message((DynamicMessage) v, GoValues.special(fd.getMessageType()));
            case ENUM -> NODES.textNode(v.toString());
        };
    }

    private static boolean isZero(Object v) {
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() == 0;
        }
        return false;
    }
}
