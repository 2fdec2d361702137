package io.kubelab.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-proxy's IPVS mode for one node, as {@code ipvsadm -Ln} lists it: a virtual server per cluster IP,
 * external IP, load-balancer IP and node-IP NodePort, round robin, with ready endpoints at weight 1 and
 * terminating ones kept at weight 0 while their connections drain.
 */
public final class IpvsRules {

    private IpvsRules() {
    }

    public static String list(ServiceTable table, String nodeIp) {
        Map<String, String> servers = new TreeMap<>();
        for (ServicePort port : table.ports()) {
            Endpoints endpoints = Endpoints.categorize(port, table.endpoints(port));
            List<ProxyEndpoint> internal = port.internalLocal() ? endpoints.local() : endpoints.cluster();
            List<ProxyEndpoint> external = port.externalPolicyLocal() ? endpoints.local() : endpoints.cluster();
            add(servers, port, port.clusterIp(), port.port(), internal);
            port.externalIps().forEach(ip -> add(servers, port, ip, port.port(), external));
            port.loadBalancerIps().forEach(ip -> add(servers, port, ip, port.port(), external));
            if (port.nodePort() != 0) {
                add(servers, port, nodeIp, port.nodePort(), external);
            }
        }
        StringBuilder out = new StringBuilder("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                """);
        servers.values().forEach(out::append);
        return out.toString();
    }

    private static void add(Map<String, String> servers, ServicePort port, String ip, int servicePort,
                            List<ProxyEndpoint> endpoints) {
        StringBuilder server = new StringBuilder();
        server.append(port.protocol().toUpperCase()).append("  ").append(ip).append(':').append(servicePort).append(" rr");
        if (port.stickySeconds() > 0) {
            server.append(" persistent ").append(port.stickySeconds());
        }
        server.append('\n');
        List<ProxyEndpoint> sorted = new ArrayList<>(endpoints);
        for (ProxyEndpoint e : sorted) {
            server.append(String.format("  -> %-28s %-7s %-6d %-10d %-10d\n", e, "Masq", e.ready() ? 1 : 0, 0, 0));
        }
        servers.put(sortKey(ip, servicePort, port.protocol()), server.toString());
    }

    /** IPVS lists from a hash table; we list by address, numerically, so the output stays put. */
    private static String sortKey(String ip, int port, String protocol) {
        StringBuilder key = new StringBuilder();
        for (String octet : ip.split("\\.")) {
            key.append(octet.matches("\\d{1,3}") ? String.format("%03d", Integer.parseInt(octet)) : octet);
        }
        return key.append(String.format(":%05d/", port)).append(protocol).toString();
    }
}
