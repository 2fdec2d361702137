package io.kubelab.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * pkg/proxy's CategorizeEndpoints: which endpoints serve Cluster and Local traffic policy. Ready endpoints
 * win; when there are none, serving endpoints that are terminating carry the traffic (graceful termination).
 */
public record Endpoints(List<ProxyEndpoint> cluster, List<ProxyEndpoint> local, List<ProxyEndpoint> reachable,
                        boolean hasAny) {

    public static Endpoints categorize(ServicePort service, List<ProxyEndpoint> all) {
        List<ProxyEndpoint> cluster = List.of();
        boolean hasAny = false;
        if (service.usesClusterEndpoints()) {
            cluster = filter(all, ProxyEndpoint::ready);
            if (cluster.isEmpty()) {
                cluster = filter(all, ProxyEndpoint::usableWhenNoneReady);
            }
            hasAny = !cluster.isEmpty();
            if (!service.usesLocalEndpoints()) {
                return new Endpoints(cluster, List.of(), cluster, hasAny);
            }
        }
        boolean localReady = false;
        boolean localTerminating = false;
        for (ProxyEndpoint e : all) {
            if (e.ready()) {
                hasAny = true;
                localReady |= e.local();
            } else if (e.usableWhenNoneReady()) {
                hasAny = true;
                localTerminating |= e.local();
            }
        }
        List<ProxyEndpoint> local = localReady ? filter(all, e -> e.local() && e.ready())
                : localTerminating ? filter(all, e -> e.local() && e.usableWhenNoneReady()) : List.of();
        if (!service.usesClusterEndpoints()) {
            return new Endpoints(List.of(), local, local, hasAny);
        }
        List<ProxyEndpoint> reachable = new ArrayList<>(cluster);
        for (ProxyEndpoint e : local) {
            if (!reachable.contains(e)) {
                reachable.add(e);
            }
        }
        return new Endpoints(cluster, local, List.copyOf(reachable), hasAny);
    }

    private static List<ProxyEndpoint> filter(List<ProxyEndpoint> all, Predicate<ProxyEndpoint> keep) {
        return all.stream().filter(keep).toList();
    }
}
