package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** discovery.k8s.io/v1 EndpointSlice, as 1.32's {@code ValidateEndpointSlice} checks it. */
final class DiscoveryValidation {

    private static final List<String> ADDRESS_TYPES = List.of("FQDN", "IPv4", "IPv6");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final int MAX_TOPOLOGY_LABELS = 16;
    private static final int MAX_ADDRESSES = 100;
    private static final int MAX_PORTS = 20000;
    private static final int MAX_ENDPOINTS = 1000;
    private static final int MAX_ZONE_HINTS = 8;

    private DiscoveryValidation() {
    }

    /** Everything after ObjectMeta: addressType, endpoints, ports (all top-level fields). */
    static List<FieldError> endpointSlice(JsonNode slice) {
        List<FieldError> errs = new ArrayList<>();
        String type = Fields.str(slice, "addressType");
        if (type.isEmpty()) {
            errs.add(FieldError.required(FieldPath.of("addressType"), ""));
        } else if (!ADDRESS_TYPES.contains(type)) {
            errs.add(FieldError.notSupported(FieldPath.of("addressType"), type, ADDRESS_TYPES));
        }
        errs.addAll(endpoints(Fields.list(slice, "endpoints"), type, FieldPath.of("endpoints")));
        errs.addAll(ports(Fields.list(slice, "ports"), FieldPath.of("ports")));
        return errs;
    }

    static List<FieldError> endpointSliceUpdate(JsonNode slice, JsonNode old) {
        List<FieldError> errs = new ArrayList<>(endpointSlice(slice));
        errs.addAll(Common.immutableString(Fields.str(slice, "addressType"), Fields.str(old, "addressType"), FieldPath.of("addressType")));
        return errs;
    }

    private static List<FieldError> endpoints(List<JsonNode> endpoints, String type, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (endpoints.size() > MAX_ENDPOINTS) {
            errs.add(FieldError.tooMany(path, endpoints.size(), MAX_ENDPOINTS));
            return errs;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode ep = endpoints.get(i);
            FieldPath idx = path.index(i);
            FieldPath ap = idx.child("addresses");
            List<String> addresses = Fields.strings(ep, "addresses");
            if (addresses.isEmpty()) {
                errs.add(FieldError.required(ap, "must contain at least 1 address"));
            } else if (addresses.size() > MAX_ADDRESSES) {
                errs.add(FieldError.tooMany(ap, addresses.size(), MAX_ADDRESSES));
            }
            for (int a = 0; a < addresses.size(); a++) {
                errs.addAll(address(addresses.get(a), type, ap.index(a)));
            }
            if (Fields.has(ep, "nodeName")) {
                errs.addAll(Common.dns1123Subdomain(Fields.str(ep, "nodeName"), idx.child("nodeName")));
            }
            FieldPath tp = idx.child("deprecatedTopology");
            Map<String, String> topology = Fields.stringMap(ep, "deprecatedTopology");
            if (topology != null && topology.size() > MAX_TOPOLOGY_LABELS) {
                errs.add(FieldError.tooMany(tp, topology.size(), MAX_TOPOLOGY_LABELS));
            }
            errs.addAll(Common.labels(topology, tp));
            if (topology != null && topology.containsKey("topology.kubernetes.io/zone")) {
                errs.add(new FieldError(ErrorType.INTERNAL, tp.key("topology.kubernetes.io/zone"), GoValue.OMIT,
                        "replaced by the zone field"));
            }
            if (Fields.has(ep, "hostname")) {
                errs.addAll(Common.dns1123Label(Fields.str(ep, "hostname"), idx.child("hostname")));
            }
            if (Fields.has(ep, "hints")) {
                errs.addAll(hints(ep.path("hints"), idx.child("hints")));
            }
        }
        return errs;
    }

    private static List<FieldError> address(String address, String type, FieldPath path) {
        switch (type) {
            case "IPv4", "IPv6" -> {
                byte[] ip = IpAddresses.parse(address);
                boolean v4 = type.equals("IPv4");
                if (ip == null || IpAddresses.isV4(ip) != v4) {
                    return List.of(FieldError.invalid(path, address, "must be a valid " + type + " address"));
                }
                return nonSpecialIp(address, ip, path);
            }
            case "FQDN" -> {
                return fullyQualifiedDomainName(address, path);
            }
            default -> {
                return List.of();
            }
        }
    }

    /** {@code ValidateNonSpecialIP}. */
    static List<FieldError> nonSpecialIp(String text, byte[] ip, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        boolean v4 = IpAddresses.isV4(ip);
        int b0 = ip[v4 ? 12 : 0] & 0xff;
        int b1 = ip[v4 ? 13 : 1] & 0xff;
        int b2 = ip[v4 ? 14 : 2] & 0xff;
        boolean zero = true;
        for (int i = v4 ? 12 : 0; i < 16; i++) {
            zero &= ip[i] == 0;
        }
        boolean v6Loopback = !v4 && isV6Loopback(ip);
        if (zero) {
            errs.add(FieldError.invalid(path, text, "may not be unspecified (0.0.0.0)"));
        }
        if (v4 ? b0 == 127 : v6Loopback) {
            errs.add(FieldError.invalid(path, text, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
        }
        if (v4 ? b0 == 169 && b1 == 254 : b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            errs.add(FieldError.invalid(path, text, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
        }
        if (v4 ? b0 == 224 && b1 == 0 && b2 == 0 : b0 == 0xff && (b1 & 0x0f) == 0x02) {
            errs.add(FieldError.invalid(path, text, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
        }
        return errs;
    }

    private static boolean isV6Loopback(byte[] ip) {
        for (int i = 0; i < 15; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[15] == 1;
    }

    /** {@code IsFullyQualifiedDomainName}: a trailing dot allowed, at least two labels. */
    private static List<FieldError> fullyQualifiedDomainName(String name, FieldPath path) {
        if (name.isEmpty()) {
            return List.of(FieldError.required(path, ""));
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        List<String> msgs = NameValidation.dns1123Subdomain(n);
        if (!msgs.isEmpty()) {
            return List.of(FieldError.invalid(path, n, String.join(",", msgs)));
        }
        String[] labels = n.split("\\.", -1);
        if (labels.length < 2) {
            return List.of(FieldError.invalid(path, n, "should be a domain with at least two segments separated by dots"));
        }
        for (String label : labels) {
            List<String> l = NameValidation.dns1123Label(label);
            if (!l.isEmpty()) {
                return List.of(FieldError.invalid(path, label, String.join(",", l)));
            }
        }
        return List.of();
    }

    private static List<FieldError> hints(JsonNode hints, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<JsonNode> zones = Fields.list(hints, "forZones");
        FieldPath zp = path.child("forZones");
        if (zones.size() > MAX_ZONE_HINTS) {
            errs.add(FieldError.tooMany(zp, zones.size(), MAX_ZONE_HINTS));
            return errs;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            String name = Fields.str(zones.get(i), "name");
            FieldPath np = zp.index(i).child("name");
            if (!seen.add(name)) {
                errs.add(FieldError.duplicate(np, name));
            }
            NameValidation.labelValue(name).forEach(m -> errs.add(FieldError.invalid(np, name, m)));
        }
        return errs;
    }

    private static List<FieldError> ports(List<JsonNode> ports, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (ports.size() > MAX_PORTS) {
            errs.add(FieldError.tooMany(path, ports.size(), MAX_PORTS));
            return errs;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode p = ports.get(i);
            FieldPath idx = path.index(i);
            String name = Fields.str(p, "name");
            if (!name.isEmpty()) {
                errs.addAll(Common.dns1123Label(name, idx.child("name")));
            }
            if (!names.add(name)) {
                errs.add(FieldError.duplicate(idx.child("name"), name));
            }
            if (!Fields.has(p, "protocol")) {
                errs.add(FieldError.required(idx.child("protocol"), ""));
            } else if (!PROTOCOLS.contains(Fields.str(p, "protocol"))) {
                errs.add(FieldError.notSupported(idx.child("protocol"), Fields.str(p, "protocol"), PROTOCOLS));
            }
            if (Fields.has(p, "appProtocol")) {
                errs.addAll(Common.qualifiedName(Fields.str(p, "appProtocol"), idx.child("appProtocol")));
            }
        }
        return errs;
    }
}
