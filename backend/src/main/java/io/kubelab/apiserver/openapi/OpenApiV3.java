package io.kubelab.apiserver.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The OpenAPI v3 documents the API server serves: the index at {@code /openapi/v3} and one document per
 * group-version ({@code /openapi/v3/apis/apps/v1}) holding the paths of its kinds and every schema they reach,
 * with the upstream descriptions of Kubernetes 1.32 carried by {@code io.kubernetes:client-java-api} 23.
 * Built once per JVM on first use and shared by every sandbox: the returned nodes must not be modified.
 * The metrics.k8s.io kinds have none (the client carries no annotated model for them).
 */
public final class OpenApiV3 {

    private OpenApiV3() {
    }

    /** The document of {@code api/v1} or {@code apis/<group>/<version>}; empty for one we do not serve. */
    public static Optional<ObjectNode> document(String groupVersionPath) {
        return Optional.ofNullable(Holder.DOCUMENTS.get(groupVersionPath));
    }

    /** {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."},...}}}. */
    public static ObjectNode index() {
        return Holder.INDEX;
    }

    /**
     * A document as JSON, read-only: the bytes whose SHA-512 the index names, kept so that serving a
     * document costs neither serialisation nor a copy.
     */
    public static Optional<ByteBuffer> documentJson(String groupVersionPath) {
        byte[] json = Holder.JSON.get(groupVersionPath);
        return json == null ? Optional.empty() : Optional.of(ByteBuffer.wrap(json).asReadOnlyBuffer());
    }

    /** How long building the documents took in this JVM, in milliseconds (building them if not yet done). */
    public static long buildMillis() {
        return Holder.BUILD_MILLIS;
    }

    private static final class Holder {
        static final Map<String, ObjectNode> DOCUMENTS;
        static final Map<String, byte[]> JSON;
        static final ObjectNode INDEX;
        static final long BUILD_MILLIS;

        static {
            long start = System.nanoTime();
            DOCUMENTS = DocumentBuilder.build();
            JSON = serialise(DOCUMENTS);
            INDEX = index(JSON);
            BUILD_MILLIS = (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static Map<String, byte[]> serialise(Map<String, ObjectNode> documents) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, byte[]> out = new HashMap<>();
        for (Map.Entry<String, ObjectNode> document : documents.entrySet()) {
            try {
                out.put(document.getKey(), mapper.writeValueAsBytes(document.getValue()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("serialising the OpenAPI document " + document.getKey(), e);
            }
        }
        return Map.copyOf(out);
    }

    private static ObjectNode index(Map<String, byte[]> json) {
        ObjectNode index = JsonNodeFactory.instance.objectNode();
        ObjectNode paths = index.putObject("paths");
        for (String path : new TreeSet<>(json.keySet())) {
            try {
                String hash = HexFormat.of().withUpperCase().formatHex(
                        MessageDigest.getInstance("SHA-512").digest(json.get(path)));
                paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("hashing the OpenAPI document " + path, e);
            }
        }
        return index;
    }
}
