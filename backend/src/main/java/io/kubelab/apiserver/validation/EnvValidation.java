package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A container's {@code env} (with {@code valueFrom}) and {@code envFrom}, as 1.32's {@code ValidateEnv} and {@code ValidateEnvFrom}. */
final class EnvValidation {

    private static final List<String> FIELD_PATHS = List.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
    /** What {@code ConvertDownwardAPIFieldLabel} accepts for v1, before the env-specific list narrows it. */
    private static final Set<String> CONVERTIBLE = Set.of("metadata.annotations", "metadata.labels", "metadata.name",
            "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName",
            "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
    private static final List<String> RESOURCES = List.of("limits.cpu", "limits.ephemeral-storage", "limits.memory",
            "requests.cpu", "requests.ephemeral-storage", "requests.memory");
    private static final Set<String> CPU_DIVISORS = Set.of("1m", "1");
    private static final Set<String> BYTE_DIVISORS = Set.of("1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi",
            "1Ti", "1Pi", "1Ei");
    private static final String BYTE_DIVISOR_LIST = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";

    private EnvValidation() {
    }

    static List<FieldError> env(List<JsonNode> env, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < env.size(); i++) {
            JsonNode e = env.get(i);
            FieldPath idx = path.index(i);
            String name = Fields.str(e, "name");
            if (name.isEmpty()) {
                errs.add(FieldError.required(idx.child("name"), ""));
            }
            NameRules.envVarName(name).forEach(m -> errs.add(FieldError.invalid(idx.child("name"), name, m)));
            if (Fields.has(e, "valueFrom")) {
                errs.addAll(valueFrom(e.path("valueFrom"), !Fields.str(e, "value").isEmpty(), idx.child("valueFrom")));
            }
        }
        return errs;
    }

    private static List<FieldError> valueFrom(JsonNode from, boolean hasValue, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int sources = 0;
        if (Fields.has(from, "fieldRef")) {
            sources++;
            errs.addAll(fieldRef(from.path("fieldRef"), path.child("fieldRef")));
        }
        if (Fields.has(from, "resourceFieldRef")) {
            sources++;
            errs.addAll(resourceFieldRef(from.path("resourceFieldRef"), path.child("resourceFieldRef")));
        }
        for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
            if (Fields.has(from, ref)) {
                sources++;
                errs.addAll(keySelector(from.path(ref), path.child(ref)));
            }
        }
        if (sources == 0) {
            errs.add(FieldError.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        } else if (hasValue) {
            errs.add(FieldError.invalid(path, "", "may not be specified when `value` is not empty"));
        } else if (sources > 1) {
            errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
        }
        return errs;
    }

    private static List<FieldError> fieldRef(JsonNode ref, FieldPath path) {
        String apiVersion = Fields.str(ref, "apiVersion");
        String fieldPath = Fields.str(ref, "fieldPath");
        if (apiVersion.isEmpty()) {
            return List.of(FieldError.required(path.child("apiVersion"), ""));
        }
        if (fieldPath.isEmpty()) {
            return List.of(FieldError.required(path.child("fieldPath"), ""));
        }
        String[] sub = subscripted(fieldPath);
        String conversionError = null;
        if (!apiVersion.equals("v1")) {
            conversionError = "unsupported pod version: " + apiVersion;
        } else if (sub != null && !sub[0].equals("metadata.annotations") && !sub[0].equals("metadata.labels")) {
            conversionError = "field label does not support subscript: " + fieldPath;
        } else if (sub == null && !CONVERTIBLE.contains(fieldPath) && !fieldPath.equals("spec.host")) {
            conversionError = "field label not supported: " + fieldPath;
        }
        if (conversionError != null) {
            return List.of(FieldError.invalid(path.child("fieldPath"), fieldPath, "error converting fieldPath: " + conversionError));
        }
        String internal = fieldPath.equals("spec.host") ? "spec.nodeName" : fieldPath;
        if (sub != null) {
            String key = sub[0].equals("metadata.annotations") ? sub[1].toLowerCase(java.util.Locale.ROOT) : sub[1];
            return Common.qualifiedName(key, path);
        }
        return FIELD_PATHS.contains(internal) ? List.of()
                : List.of(FieldError.notSupported(path.child("fieldPath"), internal, FIELD_PATHS));
    }

    /** {@code SplitMaybeSubscriptedPath}: {@code metadata.labels['app']} into path and key; null when not subscripted. */
    private static String[] subscripted(String fieldPath) {
        if (!fieldPath.endsWith("']")) {
            return null;
        }
        String s = fieldPath.substring(0, fieldPath.length() - 2);
        int at = s.indexOf("['");
        return at <= 0 ? null : new String[]{s.substring(0, at), s.substring(at + 2)};
    }

    private static List<FieldError> resourceFieldRef(JsonNode ref, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String resource = Fields.str(ref, "resource");
        boolean hugePages = resource.startsWith("limits.hugepages-") || resource.startsWith("requests.hugepages-");
        if (resource.isEmpty()) {
            errs.add(FieldError.required(path.child("resource"), ""));
        } else if (!RESOURCES.contains(resource) && !hugePages) {
            errs.add(FieldError.notSupported(path.child("resource"), resource, RESOURCES));
        }
        String divisor = divisor(Fields.str(ref, "divisor"));
        if (divisor == null) {
            return errs;
        }
        String only = "only divisor's values ";
        String message = switch (resource) {
            case "limits.cpu", "requests.cpu" -> CPU_DIVISORS.contains(divisor) ? null
                    : only + "1m and 1 are supported with the cpu resource";
            case "limits.memory", "requests.memory" -> BYTE_DIVISORS.contains(divisor) ? null
                    : only + BYTE_DIVISOR_LIST + " are supported with the memory resource";
            case "limits.ephemeral-storage", "requests.ephemeral-storage" -> BYTE_DIVISORS.contains(divisor) ? null
                    : only + BYTE_DIVISOR_LIST + " are supported with the local ephemeral storage resource";
            default -> null;
        };
        if (message != null) {
            errs.add(FieldError.invalid(path.child("divisor"), resource, message));
        }
        if (hugePages && !BYTE_DIVISORS.contains(divisor)) {
            errs.add(FieldError.invalid(path.child("divisor"), resource, only + BYTE_DIVISOR_LIST + " are supported with the hugepages resource"));
        }
        return errs;
    }

    /** The divisor as Kubernetes prints it, or null when unset (zero). */
    private static String divisor(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            Quantity q = Quantity.parse(text);
            return q.isZero() ? null : q.toString();
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** configMapKeyRef and secretKeyRef: the name is checked even when empty; the key is a config key. */
    private static List<FieldError> keySelector(JsonNode ref, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(Common.dns1123Subdomain(Fields.str(ref, "name"), path.child("name")));
        String key = Fields.str(ref, "key");
        if (key.isEmpty()) {
            errs.add(FieldError.required(path.child("key"), ""));
        } else {
            NameRules.configMapKey(key).forEach(m -> errs.add(FieldError.invalid(path.child("key"), key, m)));
        }
        return errs;
    }

    static List<FieldError> envFrom(List<JsonNode> envFrom, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < envFrom.size(); i++) {
            JsonNode e = envFrom.get(i);
            FieldPath idx = path.index(i);
            String prefix = Fields.str(e, "prefix");
            if (!prefix.isEmpty()) {
                NameRules.envVarName(prefix).forEach(m -> errs.add(FieldError.invalid(idx.child("prefix"), prefix, m)));
            }
            int sources = 0;
            for (String ref : List.of("configMapRef", "secretRef")) {
                if (Fields.has(e, ref)) {
                    sources++;
                    String name = Fields.str(e.path(ref), "name");
                    FieldPath np = idx.child(ref, "name");
                    if (name.isEmpty()) {
                        errs.add(FieldError.required(np, ""));
                    } else {
                        NameRules.DNS1123_SUBDOMAIN.validate(name, true).forEach(m -> errs.add(FieldError.invalid(np, name, m)));
                    }
                }
            }
            if (sources == 0) {
                errs.add(FieldError.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
            } else if (sources > 1) {
                errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
            }
        }
        return errs;
    }
}
