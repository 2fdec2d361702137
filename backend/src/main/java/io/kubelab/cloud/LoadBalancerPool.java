package io.kubelab.cloud;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated cloud's pool of load-balancer addresses: {@value #PREFIX}1 to {@value #PREFIX}254, handed out
 * lowest first. What is in use is read from the services' {@code status.loadBalancer.ingress}, so the pool
 * needs no memory of its own and an address is free again as soon as no service shows it.
 */
final class LoadBalancerPool {

    static final String PREFIX = "172.30.255.";
    static final int FIRST = 1;
    static final int LAST = 254;

    private LoadBalancerPool() {
    }

    /** The pool address {@code service} already shows, if any. */
    static Optional<String> assigned(JsonNode service) {
        for (JsonNode ingress : service.path("status").path("loadBalancer").path("ingress")) {
            String ip = ingress.path("ip").asText("");
            if (inPool(ip)) {
                return Optional.of(ip);
            }
        }
        return Optional.empty();
    }

    /** The lowest address no service in {@code services} shows. */
    static Optional<String> next(Collection<? extends JsonNode> services) {
        Set<String> used = new HashSet<>();
        services.forEach(s -> assigned(s).ifPresent(used::add));
        for (int i = FIRST; i <= LAST; i++) {
            if (!used.contains(PREFIX + i)) {
                return Optional.of(PREFIX + i);
            }
        }
        return Optional.empty();
    }

    static boolean inPool(String ip) {
        if (!ip.startsWith(PREFIX)) {
            return false;
        }
        try {
            int last = Integer.parseInt(ip.substring(PREFIX.length()));
            return last >= FIRST && last <= LAST;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
