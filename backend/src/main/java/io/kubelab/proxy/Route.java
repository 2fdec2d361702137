package io.kubelab.proxy;

import java.util.List;

/** Where kube-proxy's rules on one node send a packet to a service address. */
public sealed interface Route {

    /** DNAT to {@code endpoint}, through {@code chains} (KUBE-SERVICES, KUBE-SVC-…, KUBE-SEP-…). */
    record Forwarded(ServicePort service, ProxyEndpoint endpoint, List<String> chains) implements Route {
    }

    /** A filter rule refuses it: REJECT answers "connection refused", DROP leaves the client to time out. */
    record Refused(ServicePort service, boolean reject, String comment) implements Route {
    }

    /** No service rule matches: the packet goes on to the address as it is. */
    record NotAService() implements Route {
    }
}
