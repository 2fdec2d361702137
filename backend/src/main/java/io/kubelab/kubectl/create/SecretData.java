package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A Secret as kubectl's secret generators build it: data base64-encoded, keys sorted, then the type. */
final class SecretData {

    private SecretData() {
    }

    static ObjectNode secret(String name, String namespace, Map<String, String> data, String type) {
        ObjectNode secret = Typed.object("v1", "Secret", name, namespace);
        if (!data.isEmpty()) {
            ObjectNode dataNode = secret.putObject("data");
            data.forEach((k, v) -> dataNode.put(k, base64(v)));
        }
        if (!type.isEmpty()) {
            // Without --type kubectl sends no type: the API server defaults it to Opaque.
            secret.put("type", type);
        }
        return secret;
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
