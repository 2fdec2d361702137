package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A container's probes and lifecycle hooks ({@code validateProbe}, {@code validateHandler}, {@code validateLifecycle}). */
final class ProbeValidation {

    private static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final List<String> LIFECYCLE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "sleep");
    private static final String HEADER_FMT = "[-A-Za-z0-9]+";
    private static final Pattern HEADER = Pattern.compile("^" + HEADER_FMT + "$");

    private ProbeValidation() {
    }

    /** Lifecycle, then liveness, readiness and startup probes, as for regular and sidecar containers. */
    static List<FieldError> hooksAndProbes(JsonNode c, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (Fields.has(c, "lifecycle")) {
            for (String hook : List.of("postStart", "preStop")) {
                if (Fields.has(c.path("lifecycle"), hook)) {
                    errs.addAll(handler(c.path("lifecycle").path(hook), LIFECYCLE_HANDLERS, gracePeriod,
                            path.child("lifecycle", hook)));
                }
            }
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            if (Fields.has(c, probe)) {
                errs.addAll(probe(c.path(probe), probe, gracePeriod, path.child(probe)));
            }
        }
        return errs;
    }

    private static List<FieldError> probe(JsonNode probe, String kind, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(handler(probe, PROBE_HANDLERS, gracePeriod, path));
        for (String f : List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold")) {
            errs.addAll(Common.nonNegative(Fields.num(probe, f, 0), path.child(f)));
        }
        boolean hasGrace = Fields.has(probe, "terminationGracePeriodSeconds");
        long grace = Fields.num(probe, "terminationGracePeriodSeconds", 0);
        if (hasGrace && grace <= 0) {
            errs.add(FieldError.invalid(path.child("terminationGracePeriodSeconds"), grace, "must be greater than 0"));
        }
        if (kind.equals("readinessProbe")) {
            if (hasGrace) {
                errs.add(FieldError.invalid(path.child("terminationGracePeriodSeconds"), grace, "must not be set for readinessProbes"));
            }
        } else if (Fields.num(probe, "successThreshold", 0) != 1) {
            errs.add(FieldError.invalid(path.child("successThreshold"), Fields.num(probe, "successThreshold", 0), "must be 1"));
        }
        return errs;
    }

    /** Exactly one handler of those the hook or probe supports. */
    private static List<FieldError> handler(JsonNode h, List<String> kinds, Long gracePeriod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int count = 0;
        for (String kind : kinds) {
            if (!Fields.has(h, kind)) {
                continue;
            }
            if (count > 0) {
                errs.add(FieldError.forbidden(path.child(kind), "may not specify more than 1 handler type"));
                continue;
            }
            count++;
            JsonNode a = h.path(kind);
            FieldPath ap = path.child(kind);
            switch (kind) {
                case "exec" -> {
                    if (Fields.list(a, "command").isEmpty()) {
                        errs.add(FieldError.required(ap.child("command"), ""));
                    }
                }
                case "httpGet" -> {
                    if (Fields.str(a, "path").isEmpty()) {
                        errs.add(FieldError.required(ap.child("path"), ""));
                    }
                    errs.addAll(portNumOrName(a.path("port"), ap.child("port")));
                    String scheme = Fields.str(a, "scheme");
                    if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
                        errs.add(FieldError.notSupported(ap.child("scheme"), scheme, List.of("HTTP", "HTTPS")));
                    }
                    for (JsonNode header : Fields.list(a, "httpHeaders")) {
                        String name = Fields.str(header, "name");
                        if (!HEADER.matcher(name).matches()) {
                            errs.add(FieldError.invalid(ap.child("httpHeaders"), name, io.kubelab.model.NameValidation.regexError(
                                    "a valid HTTP header must consist of alphanumeric characters or '-'", HEADER_FMT, "X-Header-Name")));
                        }
                    }
                }
                case "tcpSocket" -> errs.addAll(portNumOrName(a.path("port"), ap.child("port")));
                case "grpc" -> errs.addAll(portNumOrName(a.path("port").isMissingNode()
                        ? com.fasterxml.jackson.databind.node.IntNode.valueOf(0) : a.path("port"), ap.child("port")));
                default -> {
                    long seconds = Fields.num(a, "seconds", 0);
                    if (gracePeriod != null && (seconds <= 0 || seconds > gracePeriod)) {
                        errs.add(FieldError.invalid(ap, seconds, "must be greater than 0 and less than "
                                + "terminationGracePeriodSeconds (" + gracePeriod + ")"));
                    }
                }
            }
        }
        if (count == 0) {
            errs.add(FieldError.required(path, "must specify a handler type"));
        }
        return errs;
    }

    /** {@code ValidatePortNumOrName}: a number in 1-65535 or an IANA service name. */
    static List<FieldError> portNumOrName(JsonNode port, FieldPath path) {
        if (port.isTextual()) {
            return NameRules.portName(port.asText()).stream().map(m -> FieldError.invalid(path, port.asText(), m)).toList();
        }
        long n = port.asLong(0);
        return NameRules.portNumber(n).stream().map(m -> FieldError.invalid(path, n, m)).toList();
    }
}
