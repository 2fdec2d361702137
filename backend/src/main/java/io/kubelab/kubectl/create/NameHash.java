package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.apply.CompactJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code --append-hash}: kubectl's (and kustomize's) content hash of a ConfigMap or Secret: the SHA-256 of
 * a small JSON of its kind, name, type and data, its first ten hex digits with the letters that could
 * spell words swapped out.
 */
final class NameHash {

    private NameHash() {
    }

    static String of(ObjectNode object) {
        ObjectNode m = Typed.node();
        String kind = object.path("kind").asText();
        m.put("kind", kind);
        m.put("name", object.path("metadata").path("name").asText());
        m.set("data", object.has("data") ? object.get("data") : m.nullNode());
        if (kind.equals("Secret")) {
            m.set("type", object.path("type"));
        } else if (object.has("binaryData") && !object.get("binaryData").isEmpty()) {
            m.set("binaryData", object.get("binaryData"));
        }
        String hex = sha256(CompactJson.write(m, true));
        StringBuilder out = new StringBuilder(10);
        for (char c : hex.substring(0, 10).toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the hash to the object's name. */
    static void append(ObjectNode object) {
        ObjectNode meta = (ObjectNode) object.get("metadata");
        JsonNode name = meta.get("name");
        meta.put("name", name.asText() + "-" + of(object));
    }
}
