package io.kubelab.k8sapi.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.kubelab.clock.GoDuration;
import io.kubelab.model.GoJson;
import io.kubelab.model.Quantity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Iterator;

/**
 * The inverse of {@link JsonTreeWriter}: an object tree as the message gogo-protobuf marshals from the Go struct
 * that JSON decodes into. gogo writes every non-pointer field (zero scalars, empty structs) and a pointer only when
 * set, so the same Go facts decide what goes on the wire; map entries go in key order, as gogo sorts them.
 */
final class MessageEncoder {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private MessageEncoder() {
    }

    static DynamicMessage message(JsonNode json, Descriptor d) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
        for (MessagePlan.Field f : MessagePlan.of(d).fields()) {
            FieldDescriptor fd = f.descriptor();
            JsonNode v = f.inline() ? json : json.path(f.json());
            if (f.inline()) {
                b.setField(fd, message(json, fd.getMessageType()));
            } else if (fd.isMapField()) {
                map(b, fd, v);
            } else if (fd.isRepeated()) {
                for (JsonNode item : v) {
                    b.addRepeatedField(fd, value(fd, item));
                }
            } else if (v.isMissingNode() || v.isNull()) {
                if (!f.pointer() && fd.getJavaType() != FieldDescriptor.JavaType.BYTE_STRING) {
                    b.setField(fd, zero(fd, f));
                }
            } else {
                b.setField(fd, value(fd, v));
            }
        }
        return b.buildPartial();
    }

    private static void map(DynamicMessage.Builder b, FieldDescriptor fd, JsonNode object) {
        if (!object.isObject()) {
            return;
        }
        Descriptor entry = fd.getMessageType();
        FieldDescriptor key = entry.findFieldByNumber(1);
        FieldDescriptor val = entry.findFieldByNumber(2);
        for (String k : GoJson.sortedKeys(object)) {
            b.addRepeatedField(fd, DynamicMessage.newBuilder(entry)
                    .setField(key, k).setField(val, value(val, object.get(k))).build());
        }
    }

    /** A non-pointer field absent from the tree: gogo still writes its zero value (a nil []byte it does not). */
    private static Object zero(FieldDescriptor fd, MessagePlan.Field f) {
        if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            return f.special() != null ? special(f.special(), fd.getMessageType(), MissingNode.getInstance())
                    : message(MissingNode.getInstance(), fd.getMessageType());
        }
        return fd.getDefaultValue();
    }

    private static Object value(FieldDescriptor fd, JsonNode v) {
        return switch (fd.getJavaType()) {
            case STRING -> v.asText();
            case BOOLEAN -> v.asBoolean();
            case INT -> v.asInt();
            case LONG -> v.asLong();
            case DOUBLE -> v.asDouble();
            case FLOAT -> (float) v.asDouble();
            case BYTE_STRING -> ByteString.copyFrom(BASE64.decode(v.asText()));
            case MESSAGE -> {
                GoValues.Special special = GoValues.special(fd.getMessageType());
                yield special != null ? special(special, fd.getMessageType(), v) : message(v, fd.getMessageType());
            }
            case ENUM -> fd.getEnumType().findValueByName(v.asText());
        };
    }

    private static DynamicMessage special(GoValues.Special special, Descriptor d, JsonNode v) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
        boolean absent = v.isMissingNode() || v.isNull();
        switch (special) {
            case TIME, MICRO_TIME -> {
                if (!absent) {
                    Instant t = OffsetDateTime.parse(v.asText()).toInstant();
                    b.setField(d.findFieldByName("seconds"), t.getEpochSecond());
                    b.setField(d.findFieldByName("nanos"), t.getNano());
                }
            }
            case DURATION -> b.setField(d.findFieldByName("duration"),
                    absent ? 0L : GoDuration.parse(v.asText()).toNanos());
            case INT_OR_STRING -> {
                boolean text = v.isTextual();
                b.setField(d.findFieldByName("type"), text ? 1L : 0L);
                b.setField(d.findFieldByName("intVal"), text ? 0 : v.asInt());
                b.setField(d.findFieldByName("strVal"), text ? v.asText() : "");
            }
            case QUANTITY -> b.setField(d.findFieldByName("string"),
                    absent ? "0" : Quantity.parse(v.isNumber() ? v.numberValue().toString() : v.asText()).toString());
            case RAW_JSON -> {
                if (!absent) {
                    b.setField(d.getFields().get(0), ByteString.copyFrom(v.toString(), StandardCharsets.UTF_8));
                }
            }
            case STRING_SLICE -> {
                for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
                    b.addRepeatedField(d.getFields().get(0), it.next().asText());
                }
            }
        }
        return b.buildPartial();
    }
}
