package io.kubelab.proxy;

import java.util.List;

/**
 * One port of one Service as kube-proxy sees it (pkg/proxy's BaseServicePortInfo): what it listens on
 * and how its traffic policies choose endpoints.
 *
 * @param name                   {@code namespace/name} or {@code namespace/name:port-name}
 * @param protocol               {@code tcp}, {@code udp} or {@code sctp}
 * @param stickySeconds          ClientIP session affinity timeout, 0 without affinity
 * @param internalLocal          {@code internalTrafficPolicy: Local}
 * @param externalLocal          {@code externalTrafficPolicy: Local} (meaningful only when externally accessible)
 */
public record ServicePort(String name, String protocol, String clusterIp, int port, int nodePort,
                          List<String> externalIps, List<String> loadBalancerIps,
                          List<String> loadBalancerSourceRanges, int stickySeconds, boolean internalLocal,
                          boolean externalLocal, int healthCheckNodePort) {

    public boolean externallyAccessible() {
        return nodePort != 0 || !loadBalancerIps.isEmpty() || !externalIps.isEmpty();
    }

    public boolean externalPolicyLocal() {
        return externallyAccessible() && externalLocal;
    }

    public boolean usesClusterEndpoints() {
        return !internalLocal || (externallyAccessible() && !externalLocal);
    }

    public boolean usesLocalEndpoints() {
        return internalLocal || (externallyAccessible() && externalLocal);
    }

    /** The part of the name before any port name: {@code namespace/name}. */
    public String serviceName() {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
