package io.kubelab.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Follows one node's kube-proxy rules for a new connection, as netfilter would walk the chains that
 * {@link IptablesRules} prints: the service address picks the chain, the statistic matches pick an endpoint
 * uniformly, and ClientIP affinity ({@code -m recent}) keeps a client on its endpoint until it idles out.
 */
final class ServiceRouter {

    /** Which endpoint chain each client was last sent to, and when (seconds), per service chain. */
    private final Map<String, Map<String, Sticky>> recent = new HashMap<>();

    private record Sticky(String endpointChain, long atSecond) {
    }

    /** Where the packet originates, which decides the Local-policy short circuits. */
    enum Source { POD, NODE, OUTSIDE }

    Route route(ServiceTable table, String nodeIp, String address, int port, String protocol, String client,
                Source source, long nowSecond, RandomGenerator random) {
        for (ServicePort service : table.ports()) {
            if (!service.protocol().equals(protocol)) {
                continue;
            }
            boolean internal = service.clusterIp().equals(address) && service.port() == port;
            boolean external = (service.port() == port && (service.externalIps().contains(address)
                    || service.loadBalancerIps().contains(address)))
                    || (service.nodePort() != 0 && service.nodePort() == port && address.equals(nodeIp));
            if (!internal && !external) {
                continue;
            }
            Endpoints endpoints = Endpoints.categorize(service, table.endpoints(service));
            List<String> chains = new ArrayList<>();
            chains.add(address.equals(nodeIp) ? "KUBE-NODEPORTS" : "KUBE-SERVICES");
            List<ProxyEndpoint> candidates;
            String chain;
            if (internal) {
                boolean local = service.internalLocal();
                candidates = local ? endpoints.local() : endpoints.cluster();
                if (!endpoints.hasAny() || candidates.isEmpty()) {
                    return refused(service, endpoints.hasAny());
                }
                chain = local ? ChainNames.local(service) : ChainNames.cluster(service);
            } else {
                if (!endpoints.hasAny()) {
                    return refused(service, false);
                }
                chains.add(ChainNames.external(service));
                boolean shortCircuit = service.externalPolicyLocal() && source != Source.OUTSIDE;
                boolean local = service.externalPolicyLocal() && !shortCircuit;
                candidates = local ? endpoints.local() : endpoints.cluster();
                if (candidates.isEmpty()) {
                    return refused(service, true);
                }
                chain = local ? ChainNames.local(service) : ChainNames.cluster(service);
            }
            chains.add(chain);
            ProxyEndpoint chosen = choose(service, chain, candidates, client, nowSecond, random);
            chains.add(ChainNames.endpoint(service, chosen));
            return new Route.Forwarded(service, chosen, List.copyOf(chains));
        }
        return new Route.NotAService();
    }

    private static Route refused(ServicePort service, boolean someEndpoints) {
        return someEndpoints
                ? new Route.Refused(service, false, service.name() + " has no local endpoints")
                : new Route.Refused(service, true, service.name() + " has no endpoints");
    }

    private ProxyEndpoint choose(ServicePort service, String chain, List<ProxyEndpoint> candidates, String client,
                                 long nowSecond, RandomGenerator random) {
        if (service.stickySeconds() > 0) {
            Sticky sticky = recent.computeIfAbsent(chain, c -> new HashMap<>()).get(client);
            if (sticky != null && nowSecond - sticky.atSecond() <= service.stickySeconds()) {
                for (ProxyEndpoint e : candidates) {
                    if (ChainNames.endpoint(service, e).equals(sticky.endpointChain())) {
                        recent.get(chain).put(client, new Sticky(sticky.endpointChain(), nowSecond));
                        return e;
                    }
                }
            }
        }
        ProxyEndpoint chosen = candidates.get(random.nextInt(candidates.size()));
        if (service.stickySeconds() > 0) {
            recent.get(chain).put(client, new Sticky(ChainNames.endpoint(service, chosen), nowSecond));
        }
        return chosen;
    }
}
