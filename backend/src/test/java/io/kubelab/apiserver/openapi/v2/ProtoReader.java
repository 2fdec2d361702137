package io.kubelab.apiserver.openapi.v2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protobuf message read without its schema, written here from the wire format's rules rather than with
 * protobuf-java, so that the encoder is checked by an independent reader: each field number with its values in
 * order, a varint as a {@code Long}, a length-delimited value as its bytes.
 */
final class ProtoReader {

    private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

    ProtoReader(byte[] bytes) {
        int[] at = {0};
        while (at[0] < bytes.length) {
            long key = varint(bytes, at);
            int field = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            Object value = switch (wireType) {
                case 0 -> varint(bytes, at);
                case 1 -> {
                    at[0] += 8;
                    yield 0L;
                }
                case 2 -> {
                    int length = (int) varint(bytes, at);
                    byte[] body = java.util.Arrays.copyOfRange(bytes, at[0], at[0] + length);
                    at[0] += length;
                    yield body;
                }
                default -> throw new IllegalArgumentException("wire type " + wireType + " of field " + field);
            };
            fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
        }
    }

    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    List<Integer> fieldNumbers() {
        return List.copyOf(fields.keySet());
    }

    String string(int field) {
        List<Object> values = fields.get(field);
        return values == null ? "" : new String((byte[]) values.get(0), StandardCharsets.UTF_8);
    }

    List<String> strings(int field) {
        List<String> out = new ArrayList<>();
        for (Object value : fields.getOrDefault(field, List.of())) {
            out.add(new String((byte[]) value, StandardCharsets.UTF_8));
        }
        return out;
    }

    boolean bool(int field) {
        List<Object> values = fields.get(field);
        return values != null && (Long) values.get(0) != 0;
    }

    ProtoReader message(int field) {
        List<Object> values = fields.get(field);
        return new ProtoReader(values == null ? new byte[0] : (byte[]) values.get(0));
    }

    List<ProtoReader> messages(int field) {
        List<ProtoReader> out = new ArrayList<>();
        for (Object value : fields.getOrDefault(field, List.of())) {
            out.add(new ProtoReader((byte[]) value));
        }
        return out;
    }

    /** gnostic's repeated {@code Named*{name = 1, value = 2}} entry called {@code name}. */
    ProtoReader named(int field, String name) {
        for (ProtoReader entry : messages(field)) {
            if (entry.string(1).equals(name)) {
                return entry.message(2);
            }
        }
        throw new AssertionError("no entry " + name + " in field " + field);
    }

    /** The YAML text of a vendor extension ({@code NamedAny{name, Any{yaml = 2}}}), or "" if absent. */
    String extension(int field, String name) {
        for (ProtoReader entry : messages(field)) {
            if (entry.string(1).equals(name)) {
                return entry.message(2).string(2);
            }
        }
        return "";
    }
}
