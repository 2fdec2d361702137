package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pod-spec fields beyond containers: host-network ports, dnsConfig, gates, host aliases, runtime class, overhead. */
final class PodDetailValidation {

    private static final int MAX_NAMESERVERS = 3;
    private static final int MAX_SEARCH_PATHS = 32;
    private static final int MAX_SEARCH_CHARS = 2048;

    private PodDetailValidation() {
    }

    /** {@code validatePodHostNetworkDeps}: with hostNetwork, a container's hostPort must equal its containerPort. */
    static List<FieldError> hostNetworkPorts(JsonNode spec, boolean isPod, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (!Fields.bool(spec, "hostNetwork")) {
            return errs;
        }
        List<JsonNode> containers = Fields.list(spec, "containers");
        for (int i = 0; i < containers.size(); i++) {
            List<JsonNode> ports = Fields.list(containers.get(i), "ports");
            for (int j = 0; j < ports.size(); j++) {
                long hostPort = Fields.num(ports.get(j), "hostPort", 0);
                if ((isPod || hostPort != 0) && hostPort != Fields.num(ports.get(j), "containerPort", 0)) {
                    errs.add(FieldError.invalid(path.child("containers").index(i).child("ports").index(j).child("hostPort"),
                            hostPort, "must match `containerPort` when `hostNetwork` is true"));
                }
            }
        }
        return errs;
    }

    static List<FieldError> dnsConfig(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        boolean has = Fields.has(spec, "dnsConfig");
        JsonNode config = spec.path("dnsConfig");
        List<String> nameservers = Fields.strings(config, "nameservers");
        if (Fields.str(spec, "dnsPolicy").equals("None")) {
            if (!has) {
                return List.of(FieldError.required(path, "must provide `dnsConfig` when `dnsPolicy` is None"));
            }
            if (nameservers.isEmpty()) {
                return List.of(FieldError.required(path.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"));
            }
        }
        if (!has) {
            return errs;
        }
        if (nameservers.size() > MAX_NAMESERVERS) {
            errs.add(new FieldError(ErrorType.INVALID, path.child("nameservers"), GoValue.stringSlice(nameservers),
                    "must not have more than " + MAX_NAMESERVERS + " nameservers"));
        }
        for (int i = 0; i < nameservers.size(); i++) {
            errs.addAll(IpAddresses.validIp(nameservers.get(i), path.child("nameservers").index(i)));
        }
        List<String> searches = Fields.strings(config, "searches");
        if (searches.size() > MAX_SEARCH_PATHS) {
            errs.add(new FieldError(ErrorType.INVALID, path.child("searches"), GoValue.stringSlice(searches),
                    "must not have more than " + MAX_SEARCH_PATHS + " search paths"));
        }
        if (String.join(" ", searches).length() > MAX_SEARCH_CHARS) {
            errs.add(new FieldError(ErrorType.INVALID, path.child("searches"), GoValue.stringSlice(searches),
                    "must not have more than " + MAX_SEARCH_CHARS + " characters (including spaces) in the search list"));
        }
        for (int i = 0; i < searches.size(); i++) {
            String search = searches.get(i).endsWith(".") ? searches.get(i).substring(0, searches.get(i).length() - 1) : searches.get(i);
            errs.addAll(Common.dns1123Subdomain(search, path.child("searches").index(i)));
        }
        List<JsonNode> options = Fields.list(config, "options");
        for (int i = 0; i < options.size(); i++) {
            if (Fields.str(options.get(i), "name").isEmpty()) {
                errs.add(FieldError.required(path.child("options").index(i), "must not be empty"));
            }
        }
        return errs;
    }

    static List<FieldError> readinessGates(List<JsonNode> gates, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            errs.addAll(Common.qualifiedName(Fields.str(gates.get(i), "conditionType"), path.index(i).child("conditionType")));
        }
        return errs;
    }

    static List<FieldError> schedulingGates(List<JsonNode> gates, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gates.size(); i++) {
            String name = Fields.str(gates.get(i), "name");
            errs.addAll(Common.qualifiedName(name, path.index(i)));
            if (!seen.add(name)) {
                errs.add(FieldError.duplicate(path.index(i), name));
            }
        }
        return errs;
    }

    static List<FieldError> hostAliases(List<JsonNode> aliases, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) {
            errs.addAll(IpAddresses.validIp(Fields.str(aliases.get(i), "ip"), path.index(i).child("ip")));
            List<String> names = Fields.strings(aliases.get(i), "hostnames");
            for (int j = 0; j < names.size(); j++) {
                errs.addAll(Common.dns1123Subdomain(names.get(j), path.index(i).child("hostnames").index(j)));
            }
        }
        return errs;
    }

    /** runtimeClassName, preemptionPolicy and overhead, which close ValidatePodSpec. */
    static List<FieldError> tail(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (Fields.has(spec, "runtimeClassName")) {
            errs.addAll(Common.dns1123Subdomain(Fields.str(spec, "runtimeClassName"), path.child("runtimeClassName")));
        }
        if (Fields.has(spec, "preemptionPolicy")) {
            String p = Fields.str(spec, "preemptionPolicy");
            if (p.isEmpty()) {
                errs.add(FieldError.required(path.child("preemptionPolicy"), ""));
            } else if (!p.equals("PreemptLowerPriority") && !p.equals("Never")) {
                errs.add(FieldError.notSupported(path.child("preemptionPolicy"), p, List.of("PreemptLowerPriority", "Never")));
            }
        }
        if (Fields.has(spec, "overhead")) {
            // Kubernetes reuses the container resource checks with the overhead as limits.
            ObjectNode resources = JsonNodeFactory.instance.objectNode();
            resources.set("limits", spec.get("overhead"));
            errs.addAll(ResourceValidation.validate(resources, path.child("overhead")));
        }
        return errs;
    }
}
