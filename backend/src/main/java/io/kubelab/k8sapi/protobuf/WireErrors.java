package io.kubelab.k8sapi.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * gogo-protobuf's words for a body it cannot unmarshal, for protobuf-java's failures on the same bytes. gogo names
 * the message type and wire type of a zero tag; protobuf-java does not say which nested message it was in, so the
 * top message's name stands in for it.
 */
final class WireErrors {

    static final String UNEXPECTED_EOF = "unexpected EOF";
    static final String NEGATIVE_LENGTH = "proto: negative length found during unmarshaling";
    static final String INTEGER_OVERFLOW = "proto: integer overflow";

    private WireErrors() {
    }

    static String goMessage(InvalidProtocolBufferException e, String typeName) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("ended unexpectedly") || m.contains("truncated")) {
            return UNEXPECTED_EOF;
        }
        if (m.contains("negative size")) {
            return NEGATIVE_LENGTH;
        }
        if (m.contains("malformed varint")) {
            return INTEGER_OVERFLOW;
        }
        if (m.contains("invalid tag (zero)")) {
            return "proto: " + typeName + ": illegal tag 0 (wire type 0)";
        }
        if (m.contains("end-group tag")) {
            return "proto: " + typeName + ": wiretype end group for non-group";
        }
        if (m.contains("invalid wire type")) {
            return "proto: illegal wireType 7";
        }
        if (m.contains("levels of nesting")) {
            return "proto: " + typeName + ": too many levels of nesting";
        }
        return "proto: " + typeName + ": " + m;
    }
}
