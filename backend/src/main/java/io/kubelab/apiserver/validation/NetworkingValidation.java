package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** networking.k8s.io/v1 Ingress and IngressClass, as 1.32's {@code networking/validation} checks them. */
final class NetworkingValidation {

    private static final List<String> PATH_TYPES = List.of("Exact", "ImplementationSpecific", "Prefix");
    private static final List<String> INVALID_PATH_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
    private static final List<String> INVALID_PATH_SUFFIXES = List.of("/..", "/.");
    private static final String WILDCARD_FMT = "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final Pattern WILDCARD = Pattern.compile("^" + WILDCARD_FMT + "$");
    private static final String HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
    private static final Pattern HTTP_PATH = Pattern.compile("^" + HTTP_PATH_FMT + "$");
    private static final String INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    private static final int MAX_CONTROLLER_LENGTH = 250;

    private NetworkingValidation() {
    }

    /** {@code ValidateIngressCreate} without the metadata: spec, then the class annotation check. */
    static List<FieldError> ingressCreate(JsonNode ingress) {
        List<FieldError> errs = new ArrayList<>(ingressSpec(ingress.path("spec"), FieldPath.of("spec")));
        String annotation = Fields.stringMapOrEmpty(ingress.path("metadata"), "annotations").get(INGRESS_CLASS_ANNOTATION);
        JsonNode spec = ingress.path("spec");
        if (annotation != null && Fields.has(spec, "ingressClassName") && !annotation.equals(Fields.str(spec, "ingressClassName"))) {
            errs.add(FieldError.invalid(FieldPath.of("annotations").child(INGRESS_CLASS_ANNOTATION), annotation,
                    "must match `ingressClassName` when both are specified"));
        }
        return errs;
    }

    static List<FieldError> ingressSpec(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<JsonNode> rules = Fields.list(spec, "rules");
        if (rules.isEmpty() && !Fields.has(spec, "defaultBackend")) {
            GoValue shown = GoValue.literal(spec.path("rules").isArray() ? "[]networking.IngressRule{}" : "[]networking.IngressRule(nil)");
            errs.add(new FieldError(ErrorType.INVALID, path, shown, "either `defaultBackend` or `rules` must be specified"));
        }
        if (Fields.has(spec, "defaultBackend")) {
            errs.addAll(backend(spec.path("defaultBackend"), path.child("defaultBackend")));
        }
        for (int i = 0; i < rules.size(); i++) {
            errs.addAll(rule(rules.get(i), path.child("rules").index(i)));
        }
        List<JsonNode> tls = Fields.list(spec, "tls");
        for (int i = 0; i < tls.size(); i++) {
            FieldPath idx = path.child("tls").index(i);
            List<String> hosts = Fields.strings(tls.get(i), "hosts");
            for (int h = 0; h < hosts.size(); h++) {
                errs.addAll(host(hosts.get(h), idx.child("hosts").index(h)));
            }
            String secret = Fields.str(tls.get(i), "secretName");
            if (!secret.isEmpty()) {
                errs.addAll(Common.dns1123Subdomain(secret, idx.child("secretName")));
            }
        }
        if (Fields.has(spec, "ingressClassName")) {
            errs.addAll(Common.dns1123Subdomain(Fields.str(spec, "ingressClassName"), path.child("ingressClassName")));
        }
        return errs;
    }

    /** A host with a '*' must be a wildcard subdomain; any other a DNS subdomain. */
    private static List<FieldError> host(String host, FieldPath path) {
        if (!host.contains("*")) {
            return Common.dns1123Subdomain(host, path);
        }
        List<FieldError> errs = new ArrayList<>();
        if (host.length() > NameValidation.DNS1123_SUBDOMAIN_MAX) {
            errs.add(FieldError.invalid(path, host, NameValidation.maxLenError(NameValidation.DNS1123_SUBDOMAIN_MAX)));
        }
        if (!WILDCARD.matcher(host).matches()) {
            errs.add(FieldError.invalid(path, host, NameValidation.regexError("a wildcard DNS-1123 subdomain must start with "
                    + "'*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or "
                    + "'.' and end with an alphanumeric character", WILDCARD_FMT, "*.example.com")));
        }
        return errs;
    }

    private static List<FieldError> rule(JsonNode rule, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String host = Fields.str(rule, "host");
        if (!host.isEmpty()) {
            if (IpAddresses.parse(host) != null) {
                errs.add(FieldError.invalid(path.child("host"), host, "must be a DNS name, not an IP address"));
            }
            errs.addAll(host(host, path.child("host")));
        }
        if (Fields.has(rule, "http")) {
            FieldPath hp = path.child("http");
            List<JsonNode> paths = Fields.list(rule.path("http"), "paths");
            if (paths.isEmpty()) {
                errs.add(FieldError.required(hp.child("paths"), ""));
            }
            for (int i = 0; i < paths.size(); i++) {
                errs.addAll(httpPath(paths.get(i), hp.child("paths").index(i)));
            }
        }
        return errs;
    }

    private static List<FieldError> httpPath(JsonNode p, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (!Fields.has(p, "pathType")) {
            errs.add(FieldError.required(path.child("pathType"), "pathType must be specified"));
            return errs;
        }
        String value = Fields.str(p, "path");
        switch (Fields.str(p, "pathType")) {
            case "Exact", "Prefix" -> {
                if (!value.startsWith("/")) {
                    errs.add(FieldError.invalid(path.child("path"), value, "must be an absolute path"));
                }
                if (!value.isEmpty()) {
                    for (String seq : INVALID_PATH_SEQUENCES) {
                        if (value.contains(seq)) {
                            errs.add(FieldError.invalid(path.child("path"), value, "must not contain '" + seq + "'"));
                        }
                    }
                    for (String suffix : INVALID_PATH_SUFFIXES) {
                        if (value.endsWith(suffix)) {
                            errs.add(FieldError.invalid(path.child("path"), value, "cannot end with '" + suffix + "'"));
                        }
                    }
                }
            }
            case "ImplementationSpecific" -> {
                if (!value.isEmpty() && !value.startsWith("/")) {
                    errs.add(FieldError.invalid(path.child("path"), value, "must be an absolute path"));
                }
            }
            default -> errs.add(FieldError.notSupported(path.child("pathType"), Fields.str(p, "pathType"), PATH_TYPES));
        }
        errs.addAll(backend(p.path("backend"), path.child("backend")));
        return errs;
    }

    /** Exactly one of a service (name, and a port name or number) or a resource reference. */
    private static List<FieldError> backend(JsonNode backend, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        boolean resource = Fields.has(backend, "resource");
        boolean service = Fields.has(backend, "service");
        if (resource && service) {
            errs.add(FieldError.invalid(path, "", "cannot set both resource and service backends"));
        } else if (resource) {
            errs.addAll(localObjectReference(backend.path("resource"), path.child("resource")));
        } else if (service) {
            JsonNode svc = backend.path("service");
            String name = Fields.str(svc, "name");
            if (name.isEmpty()) {
                errs.add(FieldError.required(path.child("service", "name"), ""));
            } else {
                NameRules.dns1035Label(name).forEach(m -> errs.add(FieldError.invalid(path.child("service", "name"), name, m)));
            }
            String portName = Fields.str(svc.path("port"), "name");
            long number = Fields.num(svc.path("port"), "number", 0);
            if (!portName.isEmpty() && number != 0) {
                errs.add(FieldError.invalid(path, "", "cannot set both port name & port number"));
            } else if (!portName.isEmpty()) {
                NameRules.portName(portName).forEach(m -> errs.add(FieldError.invalid(path.child("service", "port", "name"), portName, m)));
            } else if (number != 0) {
                NameRules.portNumber(number).forEach(m -> errs.add(FieldError.invalid(path.child("service", "port", "number"), number, m)));
            } else {
                errs.add(FieldError.required(path, "port name or number is required"));
            }
        } else {
            errs.add(FieldError.invalid(path, "", "resource or service backend is required"));
        }
        return errs;
    }

    /** apiGroup a DNS subdomain when set; kind and name required path segments. */
    private static List<FieldError> localObjectReference(JsonNode ref, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (Fields.has(ref, "apiGroup")) {
            errs.addAll(Common.dns1123Subdomain(Fields.str(ref, "apiGroup"), path.child("apiGroup")));
        }
        for (String f : List.of("kind", "name")) {
            String v = Fields.str(ref, f);
            if (v.isEmpty()) {
                errs.add(FieldError.required(path.child(f), f + " is required"));
            } else {
                NameRules.pathSegmentName(v).forEach(m -> errs.add(FieldError.invalid(path.child(f), v, m)));
            }
        }
        return errs;
    }

    static List<FieldError> ingressClassSpec(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String controller = Fields.str(spec, "controller");
        if (controller.length() > MAX_CONTROLLER_LENGTH) {
            errs.add(FieldError.tooLong(path.child("controller"), MAX_CONTROLLER_LENGTH));
        }
        errs.addAll(domainPrefixedPath(controller, path.child("controller")));
        if (Fields.has(spec, "parameters")) {
            JsonNode params = spec.path("parameters");
            FieldPath pp = path.child("parameters");
            errs.addAll(localObjectReference(params, pp));
            if (!Fields.has(params, "scope")) {
                errs.add(FieldError.required(pp.child("scope"), ""));
                return errs;
            }
            String scope = Fields.str(params, "scope");
            if (!scope.equals("Cluster") && !scope.equals("Namespace")) {
                errs.add(FieldError.notSupported(pp.child("scope"), scope, List.of("Cluster", "Namespace")));
            } else if (scope.equals("Namespace")) {
                if (!Fields.has(params, "namespace")) {
                    errs.add(FieldError.required(pp.child("namespace"), "`parameters.scope` is set to 'Namespace'"));
                } else {
                    errs.addAll(Common.dns1123Label(Fields.str(params, "namespace"), pp.child("namespace")));
                }
            } else if (Fields.has(params, "namespace")) {
                errs.add(FieldError.forbidden(pp.child("namespace"), "`parameters.scope` is set to 'Cluster'"));
            }
        }
        return errs;
    }

    /** {@code IsDomainPrefixedPath}: {@code acme.io/foo}. */
    private static List<FieldError> domainPrefixedPath(String value, FieldPath path) {
        if (value.isEmpty()) {
            return List.of(FieldError.required(path, ""));
        }
        String[] segments = value.split("/", 2);
        if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            return List.of(FieldError.invalid(path, value, "must be a domain-prefixed path (such as \"acme.io/foo\")"));
        }
        List<FieldError> errs = new ArrayList<>(Common.dns1123Subdomain(segments[0], path));
        if (!HTTP_PATH.matcher(segments[1]).matches()) {
            errs.add(FieldError.invalid(path, segments[1], "must be a valid path (regex used for validation is '" + HTTP_PATH_FMT + "')"));
        }
        return errs;
    }
}
