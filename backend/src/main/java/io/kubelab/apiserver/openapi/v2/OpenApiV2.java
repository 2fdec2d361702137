package io.kubelab.apiserver.openapi.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.openapi.OpenApiV3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Swagger 2.0 document the API server serves at {@code /openapi/v2}, as JSON and as gnostic protobuf, with
 * the ETag kube-openapi gives both (the upper-case hex SHA-512 of the JSON, quoted). Built once per JVM on first
 * use from the OpenAPI v3 documents and shared by every sandbox.
 */
public final class OpenApiV2 {

    /** What kubectl 1.27/1.28 ask for (kube-openapi's deprecated spelling, still accepted). */
    public static final String PROTOBUF_ACCEPT = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
    /** What kube-openapi answers a protobuf request with, whichever of the two spellings was asked. */
    public static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private OpenApiV2() {
    }

    /**
     * The document, parsed afresh from its JSON (a copy the caller owns): only the bytes are kept, since the
     * tree would cost several times their memory in every JVM for the rare reader that wants it.
     */
    public static ObjectNode document() {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Holder.JSON);
        } catch (IOException e) {
            throw new IllegalStateException("our own JSON always parses", e);
        }
    }

    /** The document as JSON, read-only. */
    public static ByteBuffer json() {
        return ByteBuffer.wrap(Holder.JSON).asReadOnlyBuffer();
    }

    /** The document as a gnostic {@code openapi.v2.Document} protobuf message, read-only. */
    public static ByteBuffer protobuf() {
        return ByteBuffer.wrap(Holder.PROTOBUF).asReadOnlyBuffer();
    }

    /** The {@code ETag} header value, quotes included. */
    public static String etag() {
        return Holder.ETAG;
    }

    /** How long building the document took in this JVM, in milliseconds (the v3 documents it reads excluded). */
    public static long buildMillis() {
        return Holder.BUILD_MILLIS;
    }

    private static final class Holder {
        static final byte[] JSON;
        static final byte[] PROTOBUF;
        static final String ETAG;
        static final long BUILD_MILLIS;

        static {
            OpenApiV3.buildMillis(); // builds the v3 documents first, so that only v2's own work is timed
            long start = System.nanoTime();
            ObjectNode document = SwaggerDocument.build();
            try {
                JSON = new ObjectMapper().writeValueAsBytes(document);
                ETAG = '"' + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512")
                        .digest(JSON)) + '"';
            } catch (JsonProcessingException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("serialising the OpenAPI v2 document", e);
            }
            PROTOBUF = GnosticEncoder.document(document);
            BUILD_MILLIS = (System.nanoTime() - start) / 1_000_000;
        }
    }
}
