package io.kubelab.k8sapi.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;

import java.io.IOException;

/**
 * The {@code k8s\0} prefix and the {@code runtime.Unknown} after it: typeMeta (apiVersion, kind) and raw, the
 * object's own message. Read as a DynamicMessage (client-java-proto's generated classes are pre-22 gencode, which
 * protobuf-java warns about on first use).
 */
record Envelope(String apiVersion, String kind, ByteString raw) {

    private static final byte[] PREFIX = {0x6b, 0x38, 0x73, 0x00};
    private static final String UNKNOWN = "k8s.io.apimachinery.pkg.runtime.Unknown";

    /** gogo's runtime.Unknown: typeMeta, raw, and the empty contentEncoding and contentType, after the prefix. */
    static byte[] write(String apiVersion, String kind, ByteString raw) {
        Descriptor unknown = DescriptorIndex.get().message(UNKNOWN).orElseThrow();
        Descriptor t = unknown.findFieldByName("typeMeta").getMessageType();
        DynamicMessage typeMeta = DynamicMessage.newBuilder(t)
                .setField(t.findFieldByName("apiVersion"), apiVersion)
                .setField(t.findFieldByName("kind"), kind).build();
        byte[] message = DynamicMessage.newBuilder(unknown)
                .setField(unknown.findFieldByName("typeMeta"), typeMeta)
                .setField(unknown.findFieldByName("raw"), raw)
                .setField(unknown.findFieldByName("contentEncoding"), "")
                .setField(unknown.findFieldByName("contentType"), "")
                .build().toByteArray();
        byte[] body = new byte[PREFIX.length + message.length];
        System.arraycopy(PREFIX, 0, body, 0, PREFIX.length);
        System.arraycopy(message, 0, body, PREFIX.length, message.length);
        return body;
    }

    /** The serializer's checks, in its order: empty, prefix, nothing after the prefix, the envelope's wire form. */
    static Envelope read(byte[] body) {
        if (body.length == 0) {
            throw new ProtobufBodyException("empty data");
        }
        if (body.length < PREFIX.length || body[0] != PREFIX[0] || body[1] != PREFIX[1] || body[2] != PREFIX[2]
                || body[3] != PREFIX[3]) {
            throw new ProtobufBodyException(
                    "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
        }
        if (body.length == PREFIX.length) {
            throw new ProtobufBodyException("empty body");
        }
        Descriptor unknown = DescriptorIndex.get().message(UNKNOWN).orElseThrow();
        DynamicMessage m;
        try {
            CodedInputStream in = CodedInputStream.newInstance(body, PREFIX.length, body.length - PREFIX.length);
            m = DynamicMessage.newBuilder(unknown).mergeFrom(in, ExtensionRegistry.getEmptyRegistry()).buildPartial();
        } catch (InvalidProtocolBufferException e) {
            throw new ProtobufBodyException(WireErrors.goMessage(e, "Unknown"));
        } catch (IOException e) {
            throw new ProtobufBodyException(WireErrors.UNEXPECTED_EOF);
        }
        DynamicMessage typeMeta = (DynamicMessage) m.getField(unknown.findFieldByName("typeMeta"));
        Descriptor t = typeMeta.getDescriptorForType();
        return new Envelope((String) typeMeta.getField(t.findFieldByName("apiVersion")),
                (String) typeMeta.getField(t.findFieldByName("kind")),
                (ByteString) m.getField(unknown.findFieldByName("raw")));
    }
}
