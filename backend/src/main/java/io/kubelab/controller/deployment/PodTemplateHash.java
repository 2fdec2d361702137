package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} of a Deployment's template ({@code controller.ComputeHash}). Kubernetes
 * hashes a spew dump of the Go struct with FNV-1a (32 bit), then the collision count's four bytes
 * (little-endian), and spells the decimal sum with {@code rand.SafeEncodeString}. We cannot reproduce Go's
 * dump, so we hash the template's canonical JSON (keys sorted) instead: the same template gives the same
 * name every time, but not the name a real cluster would give.
 */
public final class PodTemplateHash {

    /** {@code rand.SafeEncodeString}'s alphabet: no vowels, no 0/1/3, so no words and no look-alikes. */
    static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private PodTemplateHash() {
    }

    public static String compute(JsonNode template, Integer collisionCount) {
        int hash = FNV_OFFSET;
        for (byte b : canonical(template).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        if (collisionCount != null) {
            int c = collisionCount;
            for (int i = 0; i < 4; i++) {
                hash = (hash ^ ((c >>> (8 * i)) & 0xff)) * FNV_PRIME;
            }
        }
        return safeEncode(Integer.toUnsignedString(hash));
    }

    static String safeEncode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(ALPHABET.charAt(text.charAt(i) % ALPHABET.length()));
        }
        return out.toString();
    }

    private static String canonical(JsonNode template) {
        try {
            Object tree = CANONICAL.treeToValue(template, Object.class);
            return CANONICAL.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
