package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Containers and init containers of a pod spec ({@code validateContainers}, {@code validateContainerCommon}). */
final class ContainerValidation {

    static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final String INIT_ONLY_WITH_ALWAYS = "may not be set for init containers without restartPolicy=Always";

    private ContainerValidation() {
    }

    /**
     * Regular containers. {@code gracePeriod} is the pod's terminationGracePeriodSeconds (null when unset) for
     * sleep hooks; {@code hostUsers} false allows an Unmasked procMount.
     */
    static List<FieldError> containers(List<JsonNode> containers, Set<String> volumes, Long gracePeriod, boolean hostUsers,
                                       FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (containers.isEmpty()) {
            errs.add(FieldError.required(path, ""));
            return errs;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            FieldPath idx = path.index(i);
            errs.addAll(common(c, volumes, hostUsers, idx));
            String name = Fields.str(c, "name");
            if (!names.add(name)) {
                errs.add(FieldError.duplicate(idx.child("name"), name));
            }
            errs.addAll(ProbeValidation.hooksAndProbes(c, gracePeriod, idx));
            if (Fields.has(c, "restartPolicy")) {
                errs.add(FieldError.forbidden(idx.child("restartPolicy"), "may not be set for non-init containers"));
            }
        }
        errs.addAll(uniqueHostPorts(containers, path));
        return errs;
    }

    /** {@code AccumulateUniqueHostPorts}: a protocol/hostIP/hostPort triple may be used once across the containers. */
    private static List<FieldError> uniqueHostPorts(List<JsonNode> containers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            List<JsonNode> ports = Fields.list(containers.get(ci), "ports");
            for (int pi = 0; pi < ports.size(); pi++) {
                long hostPort = Fields.num(ports.get(pi), "hostPort", 0);
                if (hostPort == 0) {
                    continue;
                }
                String key = Fields.str(ports.get(pi), "protocol") + "/" + Fields.str(ports.get(pi), "hostIP") + "/" + hostPort;
                if (!seen.add(key)) {
                    errs.add(FieldError.duplicate(path.index(ci).child("ports").index(pi).child("hostPort"), key));
                }
            }
        }
        return errs;
    }

    /** Init container names must also differ from the regular containers'. */
    static List<FieldError> initContainers(List<JsonNode> inits, List<JsonNode> containers, Set<String> volumes,
                                           Long gracePeriod, boolean hostUsers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        containers.forEach(c -> names.add(Fields.str(c, "name")));
        for (int i = 0; i < inits.size(); i++) {
            JsonNode c = inits.get(i);
            FieldPath idx = path.index(i);
            errs.addAll(common(c, volumes, hostUsers, idx));
            boolean restartAlways = false;
            if (Fields.has(c, "restartPolicy")) {
                String policy = Fields.str(c, "restartPolicy");
                restartAlways = policy.equals("Always");
                if (!restartAlways) {
                    errs.add(FieldError.notSupported(idx.child("restartPolicy"), policy, List.of("Always")));
                }
            }
            String name = Fields.str(c, "name");
            if (names.contains(name)) {
                errs.add(FieldError.duplicate(idx.child("name"), name));
            } else if (!name.isEmpty()) {
                names.add(name);
            }
            if (restartAlways) {
                errs.addAll(ProbeValidation.hooksAndProbes(c, gracePeriod, idx));
            } else {
                for (String field : List.of("lifecycle", "livenessProbe", "readinessProbe", "startupProbe")) {
                    if (Fields.has(c, field)) {
                        errs.add(FieldError.forbidden(idx.child(field), INIT_ONLY_WITH_ALWAYS));
                    }
                }
            }
        }
        return errs;
    }

    private static List<FieldError> common(JsonNode c, Set<String> volumes, boolean hostUsers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(Common.requiredName(Fields.str(c, "name"), NameRules.DNS1123_LABEL,
                path.child("name")));
        if (Fields.str(c, "image").isEmpty()) {
            errs.add(FieldError.required(path.child("image"), ""));
        }
        String tmp = Fields.str(c, "terminationMessagePolicy");
        if (tmp.isEmpty()) {
            errs.add(FieldError.required(path.child("terminationMessagePolicy"), ""));
        } else if (!tmp.equals("File") && !tmp.equals("FallbackToLogsOnError")) {
            errs.add(FieldError.notSupported(path.child("terminationMessagePolicy"), tmp,
                    List.of("File", "FallbackToLogsOnError")));
        }
        errs.addAll(ports(Fields.list(c, "ports"), path.child("ports")));
        errs.addAll(EnvValidation.env(Fields.list(c, "env"), path.child("env")));
        errs.addAll(EnvValidation.envFrom(Fields.list(c, "envFrom"), path.child("envFrom")));
        errs.addAll(volumeMounts(Fields.list(c, "volumeMounts"), volumes, path.child("volumeMounts")));
        errs.addAll(pullPolicy(Fields.str(c, "imagePullPolicy"), path.child("imagePullPolicy")));
        errs.addAll(ResourceValidation.validate(c.path("resources"), path.child("resources")));
        errs.addAll(SecurityContextValidation.container(c.path("securityContext"), hostUsers, path.child("securityContext")));
        return errs;
    }

    static List<FieldError> ports(List<JsonNode> ports, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            FieldPath idx = path.index(i);
            String name = Fields.str(port, "name");
            if (!name.isEmpty()) {
                List<String> msgs = NameRules.portName(name);
                if (!msgs.isEmpty()) {
                    msgs.forEach(m -> errs.add(FieldError.invalid(idx.child("name"), name, m)));
                } else if (!names.add(name)) {
                    errs.add(FieldError.duplicate(idx.child("name"), name));
                }
            }
            long containerPort = Fields.num(port, "containerPort", 0);
            if (containerPort == 0) {
                errs.add(FieldError.required(idx.child("containerPort"), ""));
            } else {
                NameRules.portNumber(containerPort)
                        .forEach(m -> errs.add(FieldError.invalid(idx.child("containerPort"), containerPort, m)));
            }
            long hostPort = Fields.num(port, "hostPort", 0);
            if (hostPort != 0) {
                NameRules.portNumber(hostPort).forEach(m -> errs.add(FieldError.invalid(idx.child("hostPort"), hostPort, m)));
            }
            errs.addAll(protocol(Fields.str(port, "protocol"), idx.child("protocol")));
        }
        return errs;
    }

    static List<FieldError> protocol(String protocol, FieldPath path) {
        if (protocol.isEmpty()) {
            return List.of(FieldError.required(path, ""));
        }
        return PROTOCOLS.contains(protocol) ? List.of() : List.of(FieldError.notSupported(path, protocol, PROTOCOLS));
    }

    private static List<FieldError> volumeMounts(List<JsonNode> mounts, Set<String> volumes, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> mountPoints = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode m = mounts.get(i);
            FieldPath idx = path.index(i);
            String name = Fields.str(m, "name");
            if (name.isEmpty()) {
                errs.add(FieldError.required(idx.child("name"), ""));
            }
            if (!volumes.contains(name)) {
                errs.add(FieldError.notFound(idx.child("name"), name));
            }
            String mountPath = Fields.str(m, "mountPath");
            if (mountPath.isEmpty()) {
                errs.add(FieldError.required(idx.child("mountPath"), ""));
            }
            if (!mountPoints.add(mountPath)) {
                errs.add(FieldError.invalid(idx.child("mountPath"), mountPath, "must be unique"));
            }
            String subPath = Fields.str(m, "subPath");
            if (!Fields.str(m, "subPathExpr").isEmpty() && !subPath.isEmpty()) {
                errs.add(FieldError.invalid(idx.child("subPathExpr"), Fields.str(m, "subPathExpr"),
                        "subPathExpr and subPath are mutually exclusive"));
            }
        }
        return errs;
    }

    private static List<FieldError> pullPolicy(String policy, FieldPath path) {
        if (policy.isEmpty()) {
            return List.of(FieldError.required(path, ""));
        }
        List<String> supported = List.of("Always", "IfNotPresent", "Never");
        return supported.contains(policy) ? List.of() : List.of(FieldError.notSupported(path, policy, supported));
    }
}
