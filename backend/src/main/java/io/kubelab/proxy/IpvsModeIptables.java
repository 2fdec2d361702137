package io.kubelab.proxy;

/**
 * The iptables rules kube-proxy keeps in IPVS mode (pkg/proxy/ipvs): services live in IPVS and ipsets, so
 * netfilter only marks for masquerade and accepts what the KUBE-CLUSTER-IP and KUBE-NODE-PORT-* sets match.
 */
final class IpvsModeIptables {

    private IpvsModeIptables() {
    }

    static IptablesSave build(String clusterCidr, ServiceTable table) {
        IptablesSave save = new IptablesSave();
        String mark = IptablesRules.MARK;
        save.chain("mangle", "KUBE-IPTABLES-HINT");
        save.chain("mangle", "KUBE-KUBELET-CANARY");
        save.chain("mangle", "KUBE-PROXY-CANARY");
        for (String chain : new String[]{"KUBE-FIREWALL", "KUBE-FORWARD", "KUBE-KUBELET-CANARY", "KUBE-NODE-PORT",
                "KUBE-PROXY-CANARY", "KUBE-PROXY-FIREWALL", "KUBE-SOURCE-RANGES-FIREWALL"}) {
            save.chain("filter", chain);
        }
        save.rule("filter", "INPUT", "-m comment --comment \"kubernetes ipvs access filter\" -j KUBE-PROXY-FIREWALL");
        save.rule("filter", "INPUT", "-m comment --comment \"kube-proxy firewall rules\" -j KUBE-PROXY-FIREWALL");
        save.rule("filter", "INPUT", "-m comment --comment \"kubernetes health check rules\" -j KUBE-NODE-PORT");
        save.rule("filter", "INPUT", "-j KUBE-FIREWALL");
        save.rule("filter", "FORWARD", "-m comment --comment \"kube-proxy firewall rules\" -j KUBE-PROXY-FIREWALL");
        save.rule("filter", "FORWARD", "-m comment --comment \"kubernetes forwarding rules\" -j KUBE-FORWARD");
        save.rule("filter", "OUTPUT", "-m comment --comment \"kubernetes ipvs access filter\" -j KUBE-PROXY-FIREWALL");
        save.rule("filter", "OUTPUT", "-j KUBE-FIREWALL");
        save.rule("filter", "KUBE-FIREWALL", "! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment \"block incoming "
                + "localnet connections\" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP");
        save.rule("filter", "KUBE-FORWARD", "-m comment --comment \"kubernetes forwarding rules\" -m mark --mark "
                + mark + "/" + mark + " -j ACCEPT");
        save.rule("filter", "KUBE-FORWARD", "-m comment --comment \"kubernetes forwarding conntrack rule\" "
                + "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        save.rule("filter", "KUBE-NODE-PORT", "-m comment --comment \"Kubernetes health check node port\" "
                + "-m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT");
        save.rule("filter", "KUBE-PROXY-FIREWALL", "-m comment --comment \"destination ip for load balancer\" "
                + "-m set --match-set KUBE-LOAD-BALANCER-FW dst,dst -j KUBE-SOURCE-RANGES-FIREWALL");
        save.rule("filter", "KUBE-SOURCE-RANGES-FIREWALL", "-j DROP");
        for (String chain : new String[]{"KUBE-KUBELET-CANARY", "KUBE-LOAD-BALANCER", "KUBE-MARK-MASQ", "KUBE-NODE-PORT",
                "KUBE-POSTROUTING", "KUBE-PROXY-CANARY", "KUBE-SERVICES"}) {
            save.chain("nat", chain);
        }
        save.rule("nat", "PREROUTING", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        save.rule("nat", "OUTPUT", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        save.rule("nat", "POSTROUTING", "-m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING");
        save.rule("nat", "KUBE-LOAD-BALANCER", "-j KUBE-MARK-MASQ");
        save.rule("nat", "KUBE-MARK-MASQ", "-j MARK --set-xmark " + mark + "/" + mark);
        boolean tcpNodePorts = table.ports().stream().anyMatch(p -> p.nodePort() != 0 && p.protocol().equals("tcp"));
        if (tcpNodePorts) {
            save.rule("nat", "KUBE-NODE-PORT", "-p tcp -m comment --comment \"Kubernetes nodeport TCP port for "
                    + "masquerade purpose\" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ");
        }
        save.rule("nat", "KUBE-POSTROUTING", "-m comment --comment \"Kubernetes endpoints dst ip:port, source ip for "
                + "solving hairpin purpose\" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE");
        save.rule("nat", "KUBE-POSTROUTING", "-m mark ! --mark " + mark + "/" + mark + " -j RETURN");
        save.rule("nat", "KUBE-POSTROUTING", "-j MARK --set-xmark " + mark + "/0x0");
        save.rule("nat", "KUBE-POSTROUTING", "-m comment --comment \"kubernetes service traffic requiring SNAT\" "
                + "-j MASQUERADE --random-fully");
        save.rule("nat", "KUBE-SERVICES", "! -s " + clusterCidr + " -m comment --comment \"Kubernetes service cluster "
                + "ip + port for masquerade purpose\" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ");
        save.rule("nat", "KUBE-SERVICES", "-m addrtype --dst-type LOCAL -j KUBE-NODE-PORT");
        save.rule("nat", "KUBE-SERVICES", "-m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT");
        return save;
    }
}
