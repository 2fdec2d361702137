package io.kubelab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Continue tokens in the form Kubernetes' etcd storage writes them: unpadded URL-safe base64 of
 * {@code {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<next key below the prefix>"}}.
 */
final class ContinueTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "meta.k8s.io/v1";

    /** {@code revision} -1: go on at the latest revision (a token handed out after compaction). */
    record Position(long revision, String start) {
    }

    static final long LATEST = -1;

    private ContinueTokens() {
    }

    /** The token that resumes after {@code lastKey} (relative to the listed prefix). */
    static String encode(long revision, String lastKey) {
        return encodeStart(revision, lastKey + "\u0000");
    }

    /** The token that resumes at {@code start} itself (relative to the listed prefix). */
    static String encodeStart(long revision, String start) {
        ObjectNode node = JSON.createObjectNode().put("v", VERSION).put("rv", revision).put("start", start);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String token) {
        JsonNode node;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.replace('+', '-').replace('/', '_').replace("=", ""));
            node = JSON.readTree(bytes);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new StoreException.InvalidContinue(e.getMessage() == null ? "not a continue token" : e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new StoreException.InvalidContinue("not a continue token");
        }
        if (!VERSION.equals(node.path("v").asText())) {
            throw new StoreException.InvalidContinue("got invalid continue key version");
        }
        long revision = node.path("rv").asLong(0);
        String start = node.path("start").asText("");
        if (revision == 0 || revision < LATEST) {
            throw new StoreException.InvalidContinue("incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
        if (start.isEmpty()) {
            throw new StoreException.InvalidContinue("encoded start key empty (version meta.k8s.io/v1)");
        }
        if (start.startsWith("/") || start.contains("../") || start.startsWith("..")) {
            throw new StoreException.InvalidContinue("continue key may not contain a relative path");
        }
        return new Position(revision, start);
    }
}
