package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** core/v1 Service ({@code ValidateService}, {@code ValidateServiceUpdate}); node ports are the allocator's. */
final class ServiceValidation {

    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");

    private ServiceValidation() {
    }

    static List<FieldError> create(JsonNode svc) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(svc.path("metadata"), true,
                NameRules.DNS1035_LABEL, FieldPath.of("metadata")));
        JsonNode spec = svc.path("spec");
        FieldPath sp = FieldPath.of("spec");
        String type = Fields.str(spec, "type");
        boolean headless = headless(spec);
        List<JsonNode> ports = Fields.list(spec, "ports");
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errs.add(FieldError.required(sp.child("ports"), ""));
        }
        switch (type) {
            case "LoadBalancer", "NodePort" -> {
                if (headless) {
                    errs.add(FieldError.invalid(sp.child("clusterIPs").index(0), "None",
                            "may not be set to 'None' for " + type + " services"));
                }
            }
            case "ExternalName" -> {
                if (!Fields.list(spec, "clusterIPs").isEmpty()) {
                    errs.add(FieldError.forbidden(sp.child("clusterIPs"), "may not be set for ExternalName services"));
                }
                if (!Fields.list(spec, "ipFamilies").isEmpty()) {
                    errs.add(FieldError.forbidden(sp.child("ipFamilies"), "may not be set for ExternalName services"));
                }
                if (Fields.has(spec, "ipFamilyPolicy")) {
                    errs.add(FieldError.forbidden(sp.child("ipFamilyPolicy"), "may not be set for ExternalName services"));
                }
                String cname = Fields.str(spec, "externalName");
                cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
                if (cname.isEmpty()) {
                    errs.add(FieldError.required(sp.child("externalName"), ""));
                } else {
                    errs.addAll(Common.dns1123Subdomain(cname, sp.child("externalName")));
                }
            }
            default -> {
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            errs.addAll(port(ports.get(i), ports.size() > 1, names, sp.child("ports").index(i)));
        }
        errs.addAll(Common.labels(Fields.stringMap(spec, "selector"), sp.child("selector")));
        errs.addAll(PodSpecValidation.oneOf(Fields.str(spec, "sessionAffinity"), List.of("ClientIP", "None"),
                sp.child("sessionAffinity")));
        if (Fields.str(spec, "sessionAffinity").equals("None") && Fields.has(spec, "sessionAffinityConfig")) {
            errs.add(FieldError.forbidden(sp.child("sessionAffinityConfig"), "must not be set when session affinity is None"));
        }
        if (type.isEmpty()) {
            errs.add(FieldError.required(sp.child("type"), ""));
        } else if (!TYPES.contains(type)) {
            errs.add(FieldError.notSupported(sp.child("type"), type, TYPES));
        }
        if (type.equals("ClusterIP")) {
            for (int i = 0; i < ports.size(); i++) {
                if (Fields.num(ports.get(i), "nodePort", 0) != 0) {
                    errs.add(FieldError.forbidden(sp.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
                }
            }
        }
        Set<String> nodePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            long nodePort = Fields.num(ports.get(i), "nodePort", 0);
            if (nodePort != 0 && !nodePorts.add(Fields.str(ports.get(i), "protocol") + "/" + nodePort)) {
                errs.add(FieldError.duplicate(sp.child("ports").index(i).child("nodePort"), nodePort));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            String protocol = Fields.str(ports.get(i), "protocol");
            long port = Fields.num(ports.get(i), "port", 0);
            if (!seen.add(protocol + "/" + port)) {
                errs.add(new FieldError(ErrorType.DUPLICATE, sp.child("ports").index(i), GoValue.literal(
                        "core.ServicePort{Name:\"\", Protocol:" + GoValue.of(protocol).text() + ", AppProtocol:(*string)(nil), Port:"
                                + port + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"), ""));
            }
        }
        return errs;
    }

    static List<FieldError> update(JsonNode svc, JsonNode old) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(svc.path("metadata"), old.path("metadata"),
                FieldPath.of("metadata")));
        JsonNode spec = svc.path("spec");
        JsonNode oldSpec = old.path("spec");
        boolean externalName = Fields.str(spec, "type").equals("ExternalName") || Fields.str(oldSpec, "type").equals("ExternalName");
        if (!externalName && !(headless(spec) && headless(oldSpec))) {
            List<String> now = Fields.strings(spec, "clusterIPs");
            List<String> was = Fields.strings(oldSpec, "clusterIPs");
            FieldPath first = FieldPath.of("spec", "clusterIPs").index(0);
            if (now.size() == was.size()) {
                for (int i = 0; i < was.size(); i++) {
                    if (!was.get(i).equals(now.get(i))) {
                        errs.add(new FieldError(ErrorType.INVALID, FieldPath.of("spec", "clusterIPs").index(i),
                                GoValue.stringSlice(now), "may not change once set"));
                    }
                }
            } else if (was.size() > now.size()) {
                if (now.isEmpty()) {
                    errs.add(new FieldError(ErrorType.INVALID, first, GoValue.stringSlice(spec.has("clusterIPs") ? now : null),
                            "primary clusterIP can not be unset"));
                } else if (!now.get(0).equals(was.get(0))) {
                    errs.add(new FieldError(ErrorType.INVALID, first, GoValue.stringSlice(now), "may not change once set"));
                }
            } else if (!was.isEmpty() && !now.get(0).equals(was.get(0))) {
                errs.add(new FieldError(ErrorType.INVALID, first, GoValue.stringSlice(now), "may not change once set"));
            }
        }
        errs.addAll(create(svc));
        return errs;
    }

    private static boolean headless(JsonNode spec) {
        List<String> ips = Fields.strings(spec, "clusterIPs");
        return !ips.isEmpty() && ips.get(0).equals("None") || Fields.str(spec, "clusterIP").equals("None");
    }

    private static List<FieldError> port(JsonNode port, boolean requireName, Set<String> names, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String name = Fields.str(port, "name");
        if (requireName && name.isEmpty()) {
            errs.add(FieldError.required(path.child("name"), ""));
        } else if (!name.isEmpty()) {
            errs.addAll(Common.dns1123Label(name, path.child("name")));
            if (!names.add(name)) {
                errs.add(FieldError.duplicate(path.child("name"), name));
            }
        }
        long number = Fields.num(port, "port", 0);
        NameRules.portNumber(number).forEach(m -> errs.add(FieldError.invalid(path.child("port"), number, m)));
        errs.addAll(ContainerValidation.protocol(Fields.str(port, "protocol"), path.child("protocol")));
        JsonNode target = port.path("targetPort");
        if (target.isTextual()) {
            String t = target.asText();
            NameRules.portName(t).forEach(m -> errs.add(FieldError.invalid(path.child("targetPort"), t, m)));
        } else {
            long t = target.asLong(0);
            NameRules.portNumber(t).forEach(m -> errs.add(FieldError.invalid(path.child("targetPort"), t, m)));
        }
        if (Fields.has(port, "appProtocol")) {
            errs.addAll(Common.qualifiedName(Fields.str(port, "appProtocol"), path.child("appProtocol")));
        }
        return errs;
    }
}
