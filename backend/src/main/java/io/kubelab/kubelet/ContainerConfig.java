package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the kubelet's {@code GenerateRunContainerOptions} works out for a container: its environment
 * ({@code envFrom}, {@code env} with {@code $(VAR)} expansion, field and resource references, the service
 * links) and its command line with the same expansion. ConfigMaps and Secrets are read through the API as
 * the node.
 */
final class ContainerConfig {

    private final ApiServer api;
    private final UserInfo user;

    ContainerConfig(ApiServer api, UserInfo user) {
        this.api = api;
        this.user = user;
    }

    Map<String, String> environment(ObjectNode pod, JsonNode container, String podIp, String hostIp)
            throws ConfigError {
        String namespace = pod.path("metadata").path("namespace").asText();
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            boolean isSecret = from.has("secretRef");
            JsonNode ref = isSecret ? from.path("secretRef") : from.path("configMapRef");
            Optional<Map<String, String>> data = read(namespace, ref.path("name").asText(), isSecret,
                    ref.path("optional").asBoolean(false));
            data.ifPresent(d -> d.forEach((k, v) -> env.put(prefix + k, v)));
        }
        for (JsonNode var : container.path("env")) {
            String name = var.path("name").asText();
            if (var.has("value")) {
                env.put(name, expand(var.path("value").asText(), env));
                continue;
            }
            JsonNode source = var.path("valueFrom");
            if (source.has("fieldRef")) {
                env.put(name, field(pod, source.path("fieldRef").path("fieldPath").asText(), podIp, hostIp));
            } else if (source.has("resourceFieldRef")) {
                env.put(name, resource(container, source.path("resourceFieldRef")));
            } else if (source.has("configMapKeyRef") || source.has("secretKeyRef")) {
                boolean isSecret = source.has("secretKeyRef");
                JsonNode ref = isSecret ? source.path("secretKeyRef") : source.path("configMapKeyRef");
                boolean optional = ref.path("optional").asBoolean(false);
                String objectName = ref.path("name").asText();
                Optional<Map<String, String>> data = read(namespace, objectName, isSecret, optional);
                if (data.isEmpty()) {
                    continue;
                }
                String key = ref.path("key").asText();
                String value = data.get().get(key);
                if (value == null) {
                    if (optional) {
                        continue;
                    }
                    throw new ConfigError("couldn't find key " + key + " in " + (isSecret ? "Secret" : "ConfigMap") + " "
                            + namespace + "/" + objectName, namespace, objectName);
                }
                env.put(name, value);
            } else {
                env.put(name, "");
            }
        }
        boolean links = pod.path("spec").path("enableServiceLinks").asBoolean(true);
        for (Map.Entry<String, String> e : ServiceLinks.of(api, namespace, links).entrySet()) {
            env.putIfAbsent(e.getKey(), e.getValue());
        }
        return env;
    }

    /** The volume files the container mounts, read now. */
    VolumeFiles files(ObjectNode pod, JsonNode container, String podIp, String hostIp) throws ConfigError {
        return VolumeFiles.build(this, pod, container, podIp, hostIp);
    }

    /** A ConfigMap's or Secret's data (Secret values decoded), empty if optional and missing. */
    Optional<Map<String, String>> read(String namespace, String name, boolean secret, boolean optional)
            throws ConfigError {
        try {
            ObjectNode object = api.handle(ApiRequest.of(user, ApiRequest.Verb.GET,
                    secret ? NodeWatch.SECRETS : NodeWatch.CONFIG_MAPS, namespace, name)).body();
            Map<String, String> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = object.path("data").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.put(f.getKey(), secret ? decode(f.getValue().asText()) : f.getValue().asText());
            }
            if (!secret) {
                object.path("binaryData").fields().forEachRemaining(f -> out.put(f.getKey(), decode(f.getValue().asText())));
            }
            return Optional.of(out);
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                if (optional) {
                    return Optional.empty();
                }
                throw new ConfigError((secret ? "secret" : "configmap") + " \"" + name + "\" not found", namespace, name);
            }
            throw e;
        }
    }

    private static String decode(String base64) {
        try {
            return new String(java.util.Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    static String field(ObjectNode pod, String path, String podIp, String hostIp) {
        JsonNode meta = pod.path("metadata");
        switch (path) {
            case "metadata.name": return meta.path("name").asText();
            case "metadata.namespace": return meta.path("namespace").asText();
            case "metadata.uid": return meta.path("uid").asText();
            case "spec.nodeName": return pod.path("spec").path("nodeName").asText();
            case "spec.serviceAccountName": return pod.path("spec").path("serviceAccountName").asText();
            case "status.podIP", "status.podIPs": return podIp;
            case "status.hostIP", "status.hostIPs": return hostIp;
            default:
                break;
        }
        for (String map : List.of("labels", "annotations")) {
            String prefix = "metadata." + map + "['";
            if (path.startsWith(prefix) && path.endsWith("']")) {
                return meta.path(map).path(path.substring(prefix.length(), path.length() - 2)).asText("");
            }
            if (path.equals("metadata." + map)) {
                List<String> lines = new ArrayList<>();
                meta.path(map).fields().forEachRemaining(f -> lines.add(f.getKey() + "=\"" + f.getValue().asText() + "\""));
                lines.sort(null);
                return String.join("\n", lines);
            }
        }
        return "";
    }

    /** {@code resourceFieldRef}: the value in units of the divisor, rounded up, as the kubelet computes it. */
    static String resource(JsonNode container, JsonNode ref) {
        String resource = ref.path("resource").asText();
        String[] parts = resource.split("\\.", 2);
        if (parts.length < 2) {
            return "";
        }
        JsonNode value = container.path("resources").path(parts[0]).path(parts[1]);
        if (value.isMissingNode() && parts[0].equals("requests")) {
            value = container.path("resources").path("limits").path(parts[1]);
        }
        if (value.isMissingNode()) {
            // No limit: the node's allocatable, which the kubelet substitutes; requests default to zero.
            return parts[0].equals("requests") ? "0" : "";
        }
        BigDecimal amount = Quantity.parse(value.asText()).amount();
        String divisorText = ref.path("divisor").asText(parts[1].equals("cpu") ? "1" : "1");
        BigDecimal divisor = Quantity.parse(divisorText).amount();
        if (divisor.signum() == 0) {
            divisor = BigDecimal.ONE;
        }
        return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }

    /** {@code $(VAR)} becomes VAR's value when defined, {@code $$} a literal {@code $}; the rest stays. */
    static String expand(String input, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '$' && i + 1 < input.length()) {
                char n = input.charAt(i + 1);
                if (n == '$') {
                    out.append('$');
                    i += 2;
                    continue;
                }
                if (n == '(') {
                    int close = input.indexOf(')', i + 2);
                    if (close > 0) {
                        String name = input.substring(i + 2, close);
                        if (env.containsKey(name)) {
                            out.append(env.get(name));
                            i = close + 1;
                            continue;
                        }
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    static List<String> expandAll(JsonNode array, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(expand(v.asText(), env)));
        return out;
    }

    /** The container's memory limit in bytes, 0 when it has none. */
    static long memoryLimit(JsonNode container) {
        JsonNode limit = container.path("resources").path("limits").path("memory");
        if (limit.isMissingNode()) {
            return 0;
        }
        try {
            return Quantity.parse(limit.asText()).value();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    ApiServer api() {
        return api;
    }

    UserInfo user() {
        return user;
    }

    static final io.kubelab.model.ResourceType SERVICES = ResourceTypes.of("v1", "Service");
}
