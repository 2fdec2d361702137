package io.kubelab.k8sapi.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.kubelab.clock.GoDuration;
import io.kubelab.model.Quantity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The apimachinery types whose JSON is not their protobuf structure (each has its own MarshalJSON in Go):
 * metav1.Time, MicroTime and Duration, intstr.IntOrString, resource.Quantity, FieldsV1, RawExtension, the
 * apiextensions JSON, and named string slices such as ExtraValue (a message of {@code items} on the wire).
 */
final class GoValues {

    enum Special { TIME, MICRO_TIME, DURATION, INT_OR_STRING, QUANTITY, RAW_JSON, STRING_SLICE }

    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final Map<String, Special> SPECIALS = Map.ofEntries(
            Map.entry(META + "Time", Special.TIME),
            Map.entry(META + "MicroTime", Special.MICRO_TIME),
            Map.entry(META + "Duration", Special.DURATION),
            Map.entry(META + "FieldsV1", Special.RAW_JSON),
            Map.entry(META + "Verbs", Special.STRING_SLICE),
            Map.entry("k8s.io.apimachinery.pkg.runtime.RawExtension", Special.RAW_JSON),
            Map.entry("k8s.io.apimachinery.pkg.util.intstr.IntOrString", Special.INT_OR_STRING),
            Map.entry("k8s.io.apimachinery.pkg.api.resource.Quantity", Special.QUANTITY),
            Map.entry("k8s.io.apimachinery.pkg.api.resource.QuantityValue", Special.QUANTITY),
            Map.entry("k8s.io.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON", Special.RAW_JSON),
            Map.entry("k8s.io.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSON", Special.RAW_JSON));
    private static final String STRING_SLICE_NAME = "ExtraValue";

    /** Go's time.RFC3339 and apimachinery's RFC3339Micro, both written in UTC. */
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3339_MICRO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Go's Time.MarshalJSON refuses years outside [0,9999]: the first second of year 0 and of year 10000. */
    private static final long YEAR_0 = -62167219200L;
    private static final long YEAR_10000 = 253402300800L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoValues() {
    }

    static Special special(Descriptor type) {
        Special s = SPECIALS.get(type.getFullName());
        if (s == null && type.getName().equals(STRING_SLICE_NAME)) {
            return Special.STRING_SLICE;
        }
        return s;
    }

    /** The JSON of a special value; {@code m} is the decoded message (the default instance when absent). */
    static JsonNode json(Special special, DynamicMessage m) {
        Descriptor d = m.getDescriptorForType();
        return switch (special) {
            case TIME -> time(m, d, RFC3339);
            case MICRO_TIME -> time(m, d, RFC3339_MICRO);
            case DURATION -> NODES.textNode(GoDuration.format(Duration.ofNanos((Long) m.getField(field(d, "duration")))));
            case INT_OR_STRING -> intOrString(m, d);
            case QUANTITY -> quantity(m, d);
            case RAW_JSON -> rawJson((ByteString) m.getField(d.getFields().get(0)), m.hasField(d.getFields().get(0)));
            case STRING_SLICE -> stringSlice(m, d);
        };
    }

    /** A zero metav1.Time (seconds and nanos 0, as Go's Unmarshal reads it) is JSON null. */
    private static JsonNode time(DynamicMessage m, Descriptor d, DateTimeFormatter format) {
        long seconds = (Long) m.getField(field(d, "seconds"));
        int nanos = (Integer) m.getField(field(d, "nanos"));
        if (seconds == 0 && nanos == 0) {
            return NullNode.getInstance();
        }
        Instant t = seconds < YEAR_0 - 1 || seconds > YEAR_10000 ? null : Instant.ofEpochSecond(seconds).plusNanos(nanos);
        if (t == null || t.getEpochSecond() < YEAR_0 || t.getEpochSecond() >= YEAR_10000) {
            throw new ProtobufBodyException("Time.MarshalJSON: year outside of range [0,9999]");
        }
        return NODES.textNode(format.format(t));
    }

    /** intstr's Type 1 is a string; every other type marshals the int. */
    private static JsonNode intOrString(DynamicMessage m, Descriptor d) {
        long type = (Long) m.getField(field(d, "type"));
        if (type == 1) {
            return NODES.textNode((String) m.getField(field(d, "strVal")));
        }
        return NODES.numberNode((Integer) m.getField(field(d, "intVal")));
    }

    /** Go's Unmarshal parses the text (its error fails the decode); JSON writes the kept or canonical form. */
    private static JsonNode quantity(DynamicMessage m, Descriptor d) {
        FieldDescriptor f = field(d, "string");
        if (!m.hasField(f)) {
            return NODES.textNode("0");
        }
        try {
            return NODES.textNode(Quantity.parse((String) m.getField(f)).toString());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ProtobufBodyException(e instanceof Quantity.FormatException ? e.getMessage() : Quantity.FORMAT_ERROR);
        }
    }

    /** RawExtension and FieldsV1 hold JSON bytes: nil is null, anything else must parse. */
    private static JsonNode rawJson(ByteString raw, boolean present) {
        if (!present) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(raw.toByteArray());
            if (node == null || node.isMissingNode()) {
                throw new ProtobufBodyException("json: error calling MarshalJSON: unexpected end of JSON input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProtobufBodyException("json: error calling MarshalJSON: invalid JSON in raw bytes");
        } catch (java.io.IOException e) {
            throw new ProtobufBodyException(e.getMessage());
        }
    }

    /** A named []string: a nil slice (no items) is null. */
    private static JsonNode stringSlice(DynamicMessage m, Descriptor d) {
        FieldDescriptor items = d.getFields().get(0);
        int n = m.getRepeatedFieldCount(items);
        if (n == 0) {
            return NullNode.getInstance();
        }
        var array = NODES.arrayNode(n);
        for (int i = 0; i < n; i++) {
            array.add((String) m.getRepeatedField(items, i));
        }
        return array;
    }

    private static FieldDescriptor field(Descriptor d, String name) {
        FieldDescriptor f = d.findFieldByName(name);
        if (f == null) {
            throw new IllegalStateException(d.getFullName() + " has no field " + name);
        }
        return f;
    }
}
