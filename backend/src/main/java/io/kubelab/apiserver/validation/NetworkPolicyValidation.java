package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** networking.k8s.io/v1 NetworkPolicy, as 1.32's {@code ValidateNetworkPolicySpec} checks it. */
final class NetworkPolicyValidation {

    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    private static final List<String> POLICY_TYPES = List.of("Ingress", "Egress");

    private NetworkPolicyValidation() {
    }

    static List<FieldError> spec(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(SelectorValidation.validate(spec.path("podSelector"), path.child("podSelector")));
        for (String[] direction : new String[][]{{"ingress", "from"}, {"egress", "to"}}) {
            List<JsonNode> rules = Fields.list(spec, direction[0]);
            for (int i = 0; i < rules.size(); i++) {
                FieldPath rp = path.child(direction[0]).index(i);
                List<JsonNode> ports = Fields.list(rules.get(i), "ports");
                for (int p = 0; p < ports.size(); p++) {
                    errs.addAll(port(ports.get(p), rp.child("ports").index(p)));
                }
                List<JsonNode> peers = Fields.list(rules.get(i), direction[1]);
                for (int p = 0; p < peers.size(); p++) {
                    errs.addAll(peer(peers.get(p), rp.child(direction[1]).index(p)));
                }
            }
        }
        List<String> types = Fields.strings(spec, "policyTypes");
        if (types.size() > POLICY_TYPES.size()) {
            String shown = "[]networking.PolicyType{" + types.stream().map(t -> GoValue.of(t).text())
                    .collect(Collectors.joining(", ")) + "}";
            errs.add(new FieldError(ErrorType.INVALID, path.child("policyTypes"), GoValue.literal(shown),
                    "may not specify more than two policyTypes"));
            return errs;
        }
        for (int i = 0; i < types.size(); i++) {
            if (!POLICY_TYPES.contains(types.get(i))) {
                errs.add(FieldError.notSupported(path.child("policyTypes").index(i), types.get(i), POLICY_TYPES));
            }
        }
        return errs;
    }

    private static List<FieldError> port(JsonNode port, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (Fields.has(port, "protocol") && !PROTOCOLS.contains(Fields.str(port, "protocol"))) {
            errs.add(FieldError.notSupported(path.child("protocol"), Fields.str(port, "protocol"), PROTOCOLS));
        }
        boolean hasEnd = Fields.has(port, "endPort");
        long end = Fields.num(port, "endPort", 0);
        if (Fields.has(port, "port")) {
            JsonNode p = port.path("port");
            if (p.isNumber()) {
                long n = p.asLong();
                NameRules.portNumber(n).forEach(m -> errs.add(FieldError.invalid(path.child("port"), n, m)));
                if (hasEnd) {
                    if (end < n) {
                        errs.add(FieldError.invalid(path.child("endPort"), end, "must be greater than or equal to `port`"));
                    }
                    NameRules.portNumber(end).forEach(m -> errs.add(FieldError.invalid(path.child("endPort"), end, m)));
                }
            } else {
                if (hasEnd) {
                    errs.add(FieldError.invalid(path.child("endPort"), end, "may not be specified when `port` is non-numeric"));
                }
                NameRules.portName(p.asText()).forEach(m -> errs.add(FieldError.invalid(path.child("port"), p.asText(), m)));
            }
        } else if (hasEnd) {
            errs.add(FieldError.invalid(path.child("endPort"), end, "may not be specified when `port` is not specified"));
        }
        return errs;
    }

    /** Selectors may be combined; an ipBlock stands alone. */
    private static List<FieldError> peer(JsonNode peer, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int count = 0;
        for (String selector : List.of("podSelector", "namespaceSelector")) {
            if (Fields.has(peer, selector)) {
                count++;
                errs.addAll(SelectorValidation.validate(peer.path(selector), path.child(selector)));
            }
        }
        boolean ipBlock = Fields.has(peer, "ipBlock");
        if (ipBlock) {
            count++;
            errs.addAll(ipBlock(peer.path("ipBlock"), path.child("ipBlock")));
        }
        if (count == 0) {
            errs.add(FieldError.required(path, "must specify a peer"));
        } else if (count > 1 && ipBlock) {
            errs.add(FieldError.forbidden(path, "may not specify both ipBlock and another peer"));
        }
        return errs;
    }

    private static List<FieldError> ipBlock(JsonNode block, FieldPath path) {
        String cidr = Fields.str(block, "cidr");
        if (cidr.isEmpty()) {
            return List.of(FieldError.required(path.child("cidr"), ""));
        }
        List<FieldError> errs = new ArrayList<>(IpAddresses.validCidr(cidr, path.child("cidr")));
        IpAddresses.Cidr outer = IpAddresses.parseCidr(cidr);
        if (outer == null) {
            return errs;
        }
        List<String> except = Fields.strings(block, "except");
        for (int i = 0; i < except.size(); i++) {
            FieldPath ep = path.child("except").index(i);
            errs.addAll(IpAddresses.validCidr(except.get(i), ep));
            IpAddresses.Cidr inner = IpAddresses.parseCidr(except.get(i));
            if (inner == null) {
                continue;
            }
            // Mask sizes compare as Go counts them: 32 bits for IPv4, 128 for IPv6.
            int outerBits = outer.bits();
            int innerBits = inner.bits();
            boolean sameFamily = outer.v4() == inner.v4();
            if (!sameFamily || !outer.contains(inner.network()) || outerBits >= innerBits) {
                errs.add(FieldError.invalid(ep, except.get(i), "must be a strict subset of `cidr`"));
            }
        }
        return errs;
    }
}
