package io.kubelab.apiserver.openapi.v2;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * One protobuf message being written, field by field, in the wire format Go's {@code proto.Marshal} produces:
 * fields in the order the caller writes them (the field-number order), proto3 defaults (empty strings, false)
 * left out, nested messages length-delimited. A nested message is written to its own buffer first, since its
 * length comes before it.
 */
final class ProtoMessage {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    /** The encoded message. */
    static byte[] encode(Consumer<ProtoMessage> fields) {
        ProtoMessage message = new ProtoMessage();
        fields.accept(message);
        return message.toByteArray();
    }

    ProtoMessage string(int field, String value) {
        if (value != null && !value.isEmpty()) {
            try {
                out.writeString(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** A repeated string's element: written even when empty, as Go writes every element. */
    ProtoMessage element(int field, String value) {
        try {
            out.writeString(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage bool(int field, boolean value) {
        if (value) {
            try {
                out.writeBool(field, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    ProtoMessage int64(int field, long value) {
        if (value != 0) {
            try {
                out.writeInt64(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    ProtoMessage float64(int field, double value) {
        if (value != 0) {
            try {
                out.writeDouble(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** A nested message; written even when empty (a set message field is present in proto3). */
    ProtoMessage message(int field, Consumer<ProtoMessage> fields) {
        try {
            out.writeByteArray(field, encode(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
