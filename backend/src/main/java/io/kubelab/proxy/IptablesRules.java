package io.kubelab.proxy;

import java.util.List;
import java.util.Locale;

/**
 * kube-proxy's iptables mode (pkg/proxy/iptables/proxier.go syncProxyRules, Kubernetes 1.32) for one node:
 * the chains and rules it programs for every service port, written in the form {@code iptables-save} prints
 * them back, together with the chains the kubelet owns. The pod network is {@code clusterCidr} (kubeadm's
 * {@code clusterCIDR}), the masquerade mark 0x4000, NodePorts on every local address.
 */
public final class IptablesRules {

    static final String MARK = "0x4000";
    private static final int LARGE_CLUSTER_ENDPOINTS = 1000;
    private static final String REJECT = "REJECT --reject-with icmp-port-unreachable";

    private final String clusterCidr;

    public IptablesRules(String clusterCidr) {
        this.clusterCidr = clusterCidr;
    }

    IptablesSave build(ServiceTable table) {
        IptablesSave save = new IptablesSave();
        base(save);
        boolean large = table.endpointCount() > LARGE_CLUSTER_ENDPOINTS;
        for (ServicePort port : table.ports()) {
            service(save, port, Endpoints.categorize(port, table.endpoints(port)), large);
        }
        save.rule("nat", "KUBE-SERVICES", "-m comment --comment \"kubernetes service nodeports; NOTE: this must be the "
                + "last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS");
        save.rule("filter", "KUBE-FORWARD", "-m conntrack --ctstate INVALID -j DROP");
        save.rule("filter", "KUBE-FORWARD", "-m comment --comment \"kubernetes forwarding rules\" -m mark --mark "
                + MARK + "/" + MARK + " -j ACCEPT");
        save.rule("filter", "KUBE-FORWARD", "-m comment --comment \"kubernetes forwarding conntrack rule\" "
                + "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        return save;
    }

    /** The jumps from the built-in chains and the fixed chains, as a kubeadm node has them. */
    private static void base(IptablesSave save) {
        save.chain("mangle", "KUBE-IPTABLES-HINT");
        save.chain("mangle", "KUBE-KUBELET-CANARY");
        save.chain("mangle", "KUBE-PROXY-CANARY");
        for (String chain : List.of("KUBE-EXTERNAL-SERVICES", "KUBE-FIREWALL", "KUBE-FORWARD", "KUBE-KUBELET-CANARY",
                "KUBE-NODEPORTS", "KUBE-PROXY-CANARY", "KUBE-PROXY-FIREWALL", "KUBE-SERVICES")) {
            save.chain("filter", chain);
        }
        for (String chain : List.of("KUBE-KUBELET-CANARY", "KUBE-MARK-MASQ", "KUBE-NODEPORTS", "KUBE-POSTROUTING",
                "KUBE-PROXY-CANARY", "KUBE-SERVICES")) {
            save.chain("nat", chain);
        }
        String newConn = "-m conntrack --ctstate NEW ";
        save.rule("filter", "INPUT", newConn + "-m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL");
        save.rule("filter", "INPUT", "-m comment --comment \"kubernetes health check service ports\" -j KUBE-NODEPORTS");
        save.rule("filter", "INPUT", newConn + "-m comment --comment \"kubernetes externally-visible service portals\" "
                + "-j KUBE-EXTERNAL-SERVICES");
        save.rule("filter", "INPUT", "-j KUBE-FIREWALL");
        save.rule("filter", "FORWARD", newConn + "-m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL");
        save.rule("filter", "FORWARD", "-m comment --comment \"kubernetes forwarding rules\" -j KUBE-FORWARD");
        save.rule("filter", "FORWARD", newConn + "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        save.rule("filter", "FORWARD", newConn + "-m comment --comment \"kubernetes externally-visible service portals\" "
                + "-j KUBE-EXTERNAL-SERVICES");
        save.rule("filter", "OUTPUT", newConn + "-m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL");
        save.rule("filter", "OUTPUT", newConn + "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        save.rule("filter", "OUTPUT", "-j KUBE-FIREWALL");
        save.rule("filter", "KUBE-FIREWALL", "! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment \"block incoming "
                + "localnet connections\" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP");
        save.rule("nat", "PREROUTING", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        save.rule("nat", "OUTPUT", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        save.rule("nat", "POSTROUTING", "-m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING");
        save.rule("nat", "KUBE-MARK-MASQ", "-j MARK --set-xmark " + MARK + "/" + MARK);
        save.rule("nat", "KUBE-POSTROUTING", "-m mark ! --mark " + MARK + "/" + MARK + " -j RETURN");
        save.rule("nat", "KUBE-POSTROUTING", "-j MARK --set-xmark " + MARK + "/0x0");
        save.rule("nat", "KUBE-POSTROUTING", "-m comment --comment \"kubernetes service traffic requiring SNAT\" "
                + "-j MASQUERADE --random-fully");
    }

    private void service(IptablesSave save, ServicePort port, Endpoints endpoints, boolean large) {
        String name = port.name();
        String p = port.protocol();
        String svcChain = ChainNames.cluster(port);
        String localChain = ChainNames.local(port);
        String extChain = ChainNames.external(port);
        String fwChain = ChainNames.firewall(port);
        boolean hasEndpoints = endpoints.hasAny();
        boolean hasInternal = hasEndpoints && !(port.internalLocal() && endpoints.local().isEmpty());
        boolean hasExternal = hasEndpoints && !(port.externalPolicyLocal() && endpoints.local().isEmpty());
        String internalChain = port.internalLocal() ? localChain : svcChain;
        String externalPolicyChain = port.externalPolicyLocal() ? localChain : svcChain;
        boolean usesExt = hasEndpoints && port.externallyAccessible();
        boolean usesFw = hasEndpoints && !port.loadBalancerIps().isEmpty() && !port.loadBalancerSourceRanges().isEmpty();
        String lbChain = usesFw ? fwChain : extChain;
        String internalFilter = hasEndpoints ? "DROP" : REJECT;
        String internalComment = hasEndpoints ? name + " has no local endpoints" : name + " has no endpoints";
        String externalFilter = internalFilter;
        String externalComment = internalComment;
        String dport = " -m " + p + " --dport " + port.port();

        if (hasInternal) {
            save.rule("nat", "KUBE-SERVICES", "-d " + port.clusterIp() + "/32 -p " + p + " -m comment --comment \""
                    + name + " cluster IP\"" + dport + " -j " + internalChain);
        } else {
            save.rule("filter", "KUBE-SERVICES", "-d " + port.clusterIp() + "/32 -p " + p + " -m comment --comment \""
                    + internalComment + "\"" + dport + " -j " + internalFilter);
        }
        for (String ip : port.externalIps()) {
            if (hasEndpoints) {
                save.rule("nat", "KUBE-SERVICES", "-d " + ip + "/32 -p " + p + " -m comment --comment \"" + name
                        + " external IP\"" + dport + " -j " + extChain);
            }
            if (!hasExternal) {
                save.rule("filter", "KUBE-EXTERNAL-SERVICES", "-d " + ip + "/32 -p " + p + " -m comment --comment \""
                        + externalComment + "\"" + dport + " -j " + externalFilter);
            }
        }
        for (String ip : port.loadBalancerIps()) {
            if (hasEndpoints) {
                save.rule("nat", "KUBE-SERVICES", "-d " + ip + "/32 -p " + p + " -m comment --comment \"" + name
                        + " loadbalancer IP\"" + dport + " -j " + lbChain);
            }
            if (usesFw) {
                save.rule("filter", "KUBE-PROXY-FIREWALL", "-d " + ip + "/32 -p " + p + " -m comment --comment \""
                        + name + " traffic not accepted by " + fwChain + "\"" + dport + " -j DROP");
            }
        }
        if (!hasExternal) {
            for (String ip : port.loadBalancerIps()) {
                save.rule("filter", "KUBE-EXTERNAL-SERVICES", "-d " + ip + "/32 -p " + p + " -m comment --comment \""
                        + externalComment + "\"" + dport + " -j " + externalFilter);
            }
        }
        if (port.nodePort() != 0) {
            if (hasEndpoints) {
                save.rule("nat", "KUBE-NODEPORTS", "-p " + p + " -m comment --comment \"" + name + "\" -m " + p
                        + " --dport " + port.nodePort() + " -j " + extChain);
            }
            if (!hasExternal) {
                save.rule("filter", "KUBE-EXTERNAL-SERVICES", "-p " + p + " -m comment --comment \"" + externalComment
                        + "\" -m addrtype --dst-type LOCAL -m " + p + " --dport " + port.nodePort() + " -j " + externalFilter);
            }
        }
        if (port.healthCheckNodePort() != 0) {
            save.rule("filter", "KUBE-NODEPORTS", "-p tcp -m comment --comment \"" + name
                    + " health check node port\" -m tcp --dport " + port.healthCheckNodePort() + " -j ACCEPT");
        }
        if (hasInternal) {
            save.rule("nat", internalChain, "! -s " + clusterCidr + " -d " + port.clusterIp() + "/32 -p " + p
                    + " -m comment --comment \"" + name + " cluster IP\"" + dport + " -j KUBE-MARK-MASQ");
        }
        if (usesExt) {
            save.chain("nat", extChain);
            if (!port.externalPolicyLocal()) {
                save.rule("nat", extChain, "-m comment --comment \"masquerade traffic for " + name
                        + " external destinations\" -j KUBE-MARK-MASQ");
            } else {
                save.rule("nat", extChain, "-s " + clusterCidr + " -m comment --comment \"pod traffic for " + name
                        + " external destinations\" -j " + svcChain);
                save.rule("nat", extChain, "-m comment --comment \"masquerade LOCAL traffic for " + name
                        + " external destinations\" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ");
                save.rule("nat", extChain, "-m comment --comment \"route LOCAL traffic for " + name
                        + " external destinations\" -m addrtype --src-type LOCAL -j " + svcChain);
            }
            if (hasExternal) {
                save.rule("nat", extChain, "-j " + externalPolicyChain);
            }
        }
        if (usesFw) {
            save.chain("nat", fwChain);
            for (String cidr : port.loadBalancerSourceRanges()) {
                save.rule("nat", fwChain, "-s " + cidr + " -m comment --comment \"" + name + " loadbalancer IP\" -j " + extChain);
            }
            save.rule("nat", fwChain, "-m comment --comment \"other traffic to " + name
                    + " will be dropped by KUBE-PROXY-FIREWALL\"");
        }
        if (!endpoints.cluster().isEmpty() && port.usesClusterEndpoints()) {
            toEndpoints(save, port, svcChain, endpoints.cluster(), large);
        }
        if (!endpoints.local().isEmpty() && port.usesLocalEndpoints()) {
            toEndpoints(save, port, localChain, endpoints.local(), large);
        }
        for (ProxyEndpoint e : endpoints.reachable()) {
            String chain = ChainNames.endpoint(port, e);
            String comment = large ? "" : " -m comment --comment \"" + name + "\"";
            save.rule("nat", chain, "-s " + e.ip() + "/32" + comment + " -j KUBE-MARK-MASQ");
            String affinity = port.stickySeconds() > 0
                    ? " -m recent --set --name " + chain + " --mask 255.255.255.255 --rsource" : "";
            save.rule("nat", chain, "-p " + p + comment + affinity + " -m " + p + " -j DNAT --to-destination " + e);
        }
    }

    private static void toEndpoints(IptablesSave save, ServicePort port, String chain, List<ProxyEndpoint> endpoints,
                                    boolean large) {
        save.chain("nat", chain);
        if (port.stickySeconds() > 0) {
            for (ProxyEndpoint e : endpoints) {
                String sep = ChainNames.endpoint(port, e);
                save.rule("nat", chain, comment(port, e, large) + "-m recent --rcheck --seconds " + port.stickySeconds()
                        + " --reap --name " + sep + " --mask 255.255.255.255 --rsource -j " + sep);
            }
        }
        int n = endpoints.size();
        for (int i = 0; i < n; i++) {
            ProxyEndpoint e = endpoints.get(i);
            String statistic = i < n - 1 ? "-m statistic --mode random --probability " + probability(n - i) + " " : "";
            save.rule("nat", chain, comment(port, e, large) + statistic + "-j " + ChainNames.endpoint(port, e));
        }
    }

    private static String comment(ServicePort port, ProxyEndpoint e, boolean large) {
        return large ? "" : "-m comment --comment \"" + port.name() + " -> " + e + "\" ";
    }

    /**
     * 1/n as iptables-save prints a statistic match back: kube-proxy writes it with 10 decimals, the
     * kernel keeps it as a 31-bit fraction, and it comes back with 11 (1/3 as 0.33333333349).
     */
    static String probability(int n) {
        double written = Double.parseDouble(String.format(Locale.ROOT, "%.10f", 1.0 / n));
        long stored = Math.round(0x80000000L * written);
        return String.format(Locale.ROOT, "%.11f", stored / (double) 0x80000000L);
    }
}
