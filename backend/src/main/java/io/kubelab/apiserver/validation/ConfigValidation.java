package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ConfigMap and Secret: keys, total size, immutability, the data each Secret type requires. */
final class ConfigValidation {

    /** core.MaxSecretSize: 1 MiB. */
    static final int MAX_SIZE = 1024 * 1024;
    private static final String IMMUTABLE = "field is immutable when `immutable` is set";

    private ConfigValidation() {
    }

    static List<FieldError> configMap(JsonNode cm) {
        List<FieldError> errs = new ArrayList<>();
        Map<String, String> data = Fields.stringMapOrEmpty(cm, "data");
        Map<String, String> binary = Fields.stringMapOrEmpty(cm, "binaryData");
        long size = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            String key = e.getKey();
            FieldPath p = FieldPath.of("data").key(key);
            NameRules.configMapKey(key).forEach(m -> errs.add(FieldError.invalid(p, key, m)));
            if (binary.containsKey(key)) {
                errs.add(FieldError.invalid(p, key, "duplicate of key present in binaryData"));
            }
            size += e.getValue().length();
        }
        for (Map.Entry<String, String> e : binary.entrySet()) {
            String key = e.getKey();
            FieldPath p = FieldPath.of("binaryData").key(key);
            NameRules.configMapKey(key).forEach(m -> errs.add(FieldError.invalid(p, key, m)));
            if (data.containsKey(key)) {
                errs.add(FieldError.invalid(p, key, "duplicate of key present in data"));
            }
            size += decodedLength(e.getValue());
        }
        if (size > MAX_SIZE) {
            errs.add(FieldError.tooLong(FieldPath.of(""), MAX_SIZE));
        }
        return errs;
    }

    static List<FieldError> secret(JsonNode secret) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath dataPath = FieldPath.of("data");
        Map<String, String> data = secretData(secret);
        long size = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            String key = e.getKey();
            NameRules.configMapKey(key).forEach(m -> errs.add(FieldError.invalid(dataPath.key(key), key, m)));
            size += e.getValue().length();
        }
        if (size > MAX_SIZE) {
            errs.add(FieldError.tooLong(dataPath, MAX_SIZE));
        }
        switch (Fields.str(secret, "type")) {
            case "kubernetes.io/service-account-token" -> {
                if (Fields.stringMapOrEmpty(secret.path("metadata"), "annotations")
                        .getOrDefault("kubernetes.io/service-account.name", "").isEmpty()) {
                    errs.add(FieldError.required(FieldPath.of("metadata", "annotations").key("kubernetes.io/service-account.name"), ""));
                }
            }
            case "kubernetes.io/dockercfg" -> requireKey(data, ".dockercfg", dataPath, errs);
            case "kubernetes.io/dockerconfigjson" -> requireKey(data, ".dockerconfigjson", dataPath, errs);
            case "kubernetes.io/basic-auth" -> {
                if (!data.containsKey("username") && !data.containsKey("password")) {
                    errs.add(FieldError.required(dataPath.key("username"), ""));
                    errs.add(FieldError.required(dataPath.key("password"), ""));
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (data.getOrDefault("ssh-privatekey", "").isEmpty()) {
                    errs.add(FieldError.required(dataPath.key("ssh-privatekey"), ""));
                }
            }
            case "kubernetes.io/tls" -> {
                requireKey(data, "tls.crt", dataPath, errs);
                requireKey(data, "tls.key", dataPath, errs);
            }
            default -> {
            }
        }
        return errs;
    }

    /** {@code immutable: true} freezes the data and itself. */
    static List<FieldError> immutableUpdate(JsonNode now, JsonNode old, List<String> dataFields) {
        List<FieldError> errs = new ArrayList<>();
        if (!Fields.bool(old, "immutable")) {
            return errs;
        }
        if (!Fields.bool(now, "immutable")) {
            errs.add(FieldError.forbidden(FieldPath.of("immutable"), IMMUTABLE));
        }
        for (String f : dataFields) {
            if (!Common.sameJson(emptyAsMissing(now.path(f)), emptyAsMissing(old.path(f)))) {
                errs.add(FieldError.forbidden(FieldPath.of(f), IMMUTABLE));
            }
        }
        return errs;
    }

    private static JsonNode emptyAsMissing(JsonNode n) {
        return n.isObject() && n.isEmpty() ? null : n;
    }

    private static void requireKey(Map<String, String> data, String key, FieldPath dataPath, List<FieldError> errs) {
        if (!data.containsKey(key)) {
            errs.add(FieldError.required(dataPath.key(key), ""));
        }
    }

    /** data decoded, with stringData merged over it as the API server's conversion does. */
    private static Map<String, String> secretData(JsonNode secret) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields.stringMapOrEmpty(secret, "data").forEach((k, v) -> out.put(k, "x".repeat((int) decodedLength(v))));
        out.putAll(Fields.stringMapOrEmpty(secret, "stringData"));
        return out;
    }

    private static long decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length();
        }
    }
}
