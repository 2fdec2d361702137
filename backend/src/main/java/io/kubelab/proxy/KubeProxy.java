package io.kubelab.proxy;

import io.kubelab.clock.SimClock;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * kube-proxy on one node: watches Services and EndpointSlices and, at most once per {@link #MIN_SYNC_PERIOD}
 * (kubeadm's {@code iptables.minSyncPeriod}), reprograms the node's rules from them alone. While stopped,
 * the node keeps the rules it last programmed, as a real node does: traffic still flows, to stale endpoints.
 */
public final class KubeProxy {

    public enum Mode { IPTABLES, IPVS }

    static final Duration MIN_SYNC_PERIOD = Duration.ofSeconds(1);
    private static final DateTimeFormatter SAVE_STAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String nodeName;
    private final String nodeIp;
    private final SimClock clock;
    private final ComponentEvents events;
    private final RandomGenerator random;
    private final Informer services;
    private final Informer slices;
    private final IptablesRules iptables;
    private final String clusterCidr;
    private final ServiceRouter router = new ServiceRouter();
    private final Mode mode;
    private boolean running = true;
    private boolean syncScheduled;
    private boolean initialized;
    private ServiceTable table = ServiceTable.build(List.of(), List.of(), "");
    private IptablesSave rules;
    private Map<String, String> programmed = new HashMap<>();

    public KubeProxy(String nodeName, String nodeIp, String clusterCidr, Mode mode, Informers informers) {
        this.nodeName = nodeName;
        this.nodeIp = nodeIp;
        this.mode = mode;
        this.clock = informers.clock();
        this.events = informers.events();
        this.random = informers.random();
        this.iptables = new IptablesRules(clusterCidr);
        this.clusterCidr = clusterCidr;
        this.services = informers.of(ResourceTypes.of("v1", "Service"));
        this.slices = informers.of(ResourceTypes.of("discovery.k8s.io/v1", "EndpointSlice"));
        this.rules = iptables.build(table);
        services.onChange(key -> requestSync());
        slices.onChange(key -> requestSync());
        initialized = true;
        sync(true);
    }

    private void requestSync() {
        // The informers hand over what they already hold as the handlers register: the first sync covers it.
        if (initialized && running && !syncScheduled) {
            syncScheduled = true;
            clock.schedule(MIN_SYNC_PERIOD, () -> {
                syncScheduled = false;
                if (running) {
                    sync(false);
                }
            });
        }
    }

    private void sync(boolean initial) {
        table = ServiceTable.build(services.list(), slices.list(), nodeName);
        rules = mode == Mode.IPVS ? IpvsModeIptables.build(clusterCidr, table) : iptables.build(table);
        Map<String, String> now = new HashMap<>();
        for (ServicePort port : table.ports()) {
            now.put(port.name(), describe(port));
        }
        if (initial) {
            events.emit("kube-proxy", nodeName, "sync", "", "kube-apiserver", "kube-proxy",
                    "kube-proxy on " + nodeName + " programmed " + (mode == Mode.IPVS ? "IPVS" : "iptables")
                            + " for " + now.size() + " service ports (" + rules.ruleCount() + " rules).");
        } else {
            for (Map.Entry<String, String> entry : now.entrySet()) {
                if (!Objects.equals(programmed.get(entry.getKey()), entry.getValue())) {
                    events.emit("kube-proxy", nodeName, "sync", "Service/" + entry.getKey().replaceFirst(":.*", ""),
                            "kube-apiserver", "kube-proxy", "kube-proxy on " + nodeName + " reprogrammed "
                                    + entry.getKey() + ": " + entry.getValue());
                }
            }
            for (String gone : programmed.keySet()) {
                if (!now.containsKey(gone)) {
                    events.emit("kube-proxy", nodeName, "sync", "Service/" + gone.replaceFirst(":.*", ""),
                            "kube-apiserver", "kube-proxy", "kube-proxy on " + nodeName + " removed the rules of "
                                    + gone + ": the service is gone.");
                }
            }
        }
        programmed = now;
    }

    private String describe(ServicePort port) {
        Endpoints endpoints = Endpoints.categorize(port, table.endpoints(port));
        String address = port.clusterIp() + ":" + port.port() + "/" + port.protocol().toUpperCase(Locale.ROOT);
        if (!endpoints.hasAny()) {
            return address + " has no ready endpoints, so connections to it are rejected.";
        }
        List<ProxyEndpoint> used = endpoints.reachable();
        return address + " is balanced over " + used.size() + (used.size() == 1 ? " endpoint: " : " endpoints: ")
                + String.join(", ", used.stream().map(ProxyEndpoint::toString).toList()) + ".";
    }

    /** {@code iptables-save} on this node. */
    public String iptablesSave() {
        return rules.print(SAVE_STAMP.format(clock.now()));
    }

    /** {@code ipvsadm -Ln} on this node (empty of services unless the proxy runs in IPVS mode). */
    public String ipvsList() {
        return mode == Mode.IPVS ? IpvsRules.list(table, nodeIp)
                : IpvsRules.list(ServiceTable.build(List.of(), List.of(), nodeName), nodeIp);
    }

    /**
     * Where this node sends a new connection to {@code address:port}, by the rules it has programmed.
     *
     * @param client the connecting address (for ClientIP affinity)
     * @param fromPod whether a pod on this node opens it (else it arrives from outside the cluster)
     */
    public Route route(String address, int port, String protocol, String client, boolean fromPod) {
        return router.route(table, nodeIp, address, port, protocol.toLowerCase(Locale.ROOT), client,
                fromPod ? ServiceRouter.Source.POD : ServiceRouter.Source.OUTSIDE,
                clock.now().getEpochSecond(), random);
    }

    /**
     * Whether a connection arriving from outside the cluster at {@code address:port} (a NodePort on this
     * node, a service's external or load-balancer IP) would be forwarded to an endpoint by this node's rules:
     * what a cloud load balancer's health check learns before sending traffic here.
     */
    public boolean forwardsFromOutside(String address, int port, String protocol) {
        return new ServiceRouter().route(table, nodeIp, address, port, protocol.toLowerCase(Locale.ROOT), "",
                ServiceRouter.Source.OUTSIDE, clock.now().getEpochSecond(), random) instanceof Route.Forwarded;
    }

    /** Whether {@code address} is an external or load-balancer IP of a service this node knows. */
    public boolean isExternalAddress(String address) {
        return table.ports().stream().anyMatch(p -> p.externalIps().contains(address)
                || p.loadBalancerIps().contains(address));
    }

    public Mode mode() {
        return mode;
    }

    public String nodeName() {
        return nodeName;
    }

    /** Stopped ({@code sim stop kube-proxy NODE}): no reprogramming; the last rules stay in the kernel. */
    public void setRunning(boolean value) {
        boolean starting = value && !running;
        running = value;
        if (starting) {
            sync(false);
        }
    }

    public boolean running() {
        return running;
    }
}
