package io.kubelab.cluster;

import io.kubelab.dns.CoreDns;
import io.kubelab.dns.DnsAnswer;
import io.kubelab.events.ComponentEvents;
import io.kubelab.proxy.KubeProxy;
import io.kubelab.proxy.Route;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.Sandbox;
import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.Process;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's pod network: how a connection from a pod (or from outside, {@code sim curl}) reaches a
 * process. Names go to CoreDNS (through the kube-dns service, so DNS fails when CoreDNS has no ready pod);
 * service addresses go through the kube-proxy rules of the node the packet is on; pod and node IPs reach
 * whichever node's runtime holds them. A failed node answers nothing, so its connections time out.
 */
final class ClusterNetwork {

    /** Where {@code sim curl} connects from: an address outside the cluster. */
    static final String OUTSIDE_CLIENT = "203.0.113.10";

    private final ClusterSpec spec;
    private final Map<String, ContainerRuntime> runtimes;
    private final Map<String, KubeProxy> proxies;
    private final CoreDns dns;
    private final ComponentEvents events;

    ClusterNetwork(ClusterSpec spec, Map<String, ContainerRuntime> runtimes, Map<String, KubeProxy> proxies,
                   CoreDns dns, ComponentEvents events) {
        this.spec = spec;
        this.runtimes = runtimes;
        this.proxies = proxies;
        this.dns = dns;
        this.events = events;
    }

    /** The network as a container of pod {@code namespace/pod} on {@code node}, at {@code podIp}, sees it. */
    Network forPod(String namespace, String pod, String node, String podIp) {
        return new Network() {
            @Override
            public List<String> resolve(String name) {
                return ClusterNetwork.this.resolve(name, namespace, node, podIp, pod);
            }

            @Override
            public HttpExchange send(String address, int port, HttpRequest request) {
                return ClusterNetwork.this.send(node, podIp, "pod " + namespace + "/" + pod, address, port, request, true);
            }

            @Override
            public boolean connects(String address, int port) {
                return target(node, podIp, address, port, true).map(t -> t.reachable).orElse(false);
            }
        };
    }

    /**
     * A request from outside the cluster: to a node IP (a NodePort), or to a service's external or
     * load-balancer IP, which the simulated load balancer hands to a node whose rules forward it (for
     * {@code externalTrafficPolicy: Local}, one with a local endpoint, as its health check finds). Pod and
     * cluster IPs are not routed outside the cluster: those connections time out.
     */
    Network.HttpExchange fromOutside(String address, int port, Network.HttpRequest request) {
        Optional<String> node = nodeOf(address);
        if (node.isEmpty()) {
            boolean external = proxies.values().stream().anyMatch(p -> p.isExternalAddress(address));
            if (!external) {
                return new Network.Failure("Connection timed out");
            }
            node = spec.nodes().stream().map(ClusterSpec.NodeSpec::name).filter(this::nodeUp)
                    .filter(n -> proxies.get(n).forwardsFromOutside(address, port, "tcp")).findFirst();
            if (node.isEmpty()) {
                return new Network.Failure("Connection timed out");
            }
        }
        return send(node.get(), OUTSIDE_CLIENT, "a client outside the cluster", address, port, request, false);
    }

    /**
     * A request from node {@code node}'s own network namespace (the API server's proxy on the control plane):
     * pod IPs are routed to whichever node holds them, service IPs through that node's kube-proxy rules.
     */
    Network.HttpExchange fromNode(String node, String address, int port, Network.HttpRequest request) {
        String client = spec.nodes().stream().filter(n -> n.name().equals(node)).map(ClusterSpec.NodeSpec::internalIp)
                .findFirst().orElse(OUTSIDE_CLIENT);
        return send(node, client, "the API server's proxy on " + node, address, port, request, false);
    }

    private boolean nodeUp(String node) {
        ContainerRuntime runtime = runtimes.get(node);
        return runtime != null && runtime.running();
    }

    private List<String> resolve(String name, String namespace, String node, String podIp, String pod) {
        if (name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return List.of(name);
        }
        Optional<Target> server = target(node, podIp, CoreDns.SERVICE_IP, 53, true);
        if (server.isEmpty() || !server.get().reachable) {
            events.emit("coredns", null, "unreachable", "Pod/" + namespace + "/" + pod, "kubelet", "coredns",
                    "Pod " + pod + " asked for " + name + " but no CoreDNS pod is ready behind " + CoreDns.SERVICE_IP + ".");
            return List.of();
        }
        DnsAnswer answer = dns.resolve(name, namespace);
        events.emit("coredns", server.get().node, "resolve", "Pod/" + namespace + "/" + pod, "kube-proxy", "coredns",
                answer.addresses().isEmpty()
                        ? "CoreDNS found no address for " + name + " (asked by pod " + pod + ")."
                        : "CoreDNS resolved " + name + " to " + String.join(", ", answer.addresses())
                        + " for pod " + pod + ".");
        return answer.addresses();
    }

    /** Where a connection ends up: the node and pod sandbox, or why it does not get anywhere. */
    private record Target(String node, Sandbox sandbox, String address, int port, boolean reachable, String failure) {
    }

    private Optional<Target> target(String fromNode, String client, String address, int port, boolean fromPod) {
        String destination = address;
        int destinationPort = port;
        String viaNode = nodeOf(address).orElse(fromNode);
        KubeProxy proxy = proxies.get(viaNode);
        if (proxy != null && nodeUp(viaNode)) {
            Route route = proxy.route(address, port, "tcp", client, fromPod);
            if (route instanceof Route.Refused refused) {
                return Optional.of(new Target(viaNode, null, address, port, false,
                        refused.reject() ? "Connection refused" : "Connection timed out"));
            }
            if (route instanceof Route.Forwarded forwarded) {
                destination = forwarded.endpoint().ip();
                destinationPort = forwarded.endpoint().port();
                events.emit("kube-proxy", viaNode, "dnat", "Service/" + forwarded.service().serviceName(),
                        "kube-proxy", "container-runtime", "kube-proxy's rules on " + viaNode + " sent " + address + ":"
                                + port + " to " + destination + ":" + destinationPort + " ("
                                + String.join(" → ", forwarded.chains()) + ").");
            }
        }
        for (Map.Entry<String, ContainerRuntime> entry : runtimes.entrySet()) {
            for (Sandbox sandbox : entry.getValue().sandboxes()) {
                if (sandbox.ip().equals(destination) && !sandbox.hostNetwork()) {
                    return Optional.of(new Target(entry.getKey(), sandbox, destination, destinationPort,
                            entry.getValue().running(), entry.getValue().running() ? "" : "Connection timed out"));
                }
            }
        }
        Optional<String> node = nodeOf(destination);
        if (node.isPresent()) {
            ContainerRuntime runtime = runtimes.get(node.get());
            for (Sandbox sandbox : runtime.sandboxes()) {
                if (sandbox.hostNetwork() && runtime.listening(sandbox.podUid(), destinationPort)) {
                    return Optional.of(new Target(node.get(), sandbox, destination, destinationPort, runtime.running(), ""));
                }
            }
            return Optional.of(new Target(node.get(), null, destination, destinationPort, false,
                    runtime.running() ? "Connection refused" : "Connection timed out"));
        }
        return Optional.empty();
    }

    private Optional<String> nodeOf(String address) {
        return spec.nodes().stream().filter(n -> n.internalIp().equals(address)).map(ClusterSpec.NodeSpec::name).findFirst();
    }

    private Network.HttpExchange send(String fromNode, String client, String who, String address, int port,
                                      Network.HttpRequest request, boolean fromPod) {
        Optional<Target> found = target(fromNode, client, address, port, fromPod);
        if (found.isEmpty()) {
            return new Network.Failure("Connection timed out");
        }
        Target target = found.get();
        if (target.sandbox == null || !target.reachable) {
            return new Network.Failure(target.failure.isEmpty() ? "Connection refused" : target.failure);
        }
        Optional<Process.Served> served = runtimes.get(target.node).http(target.sandbox.podUid(), target.port, request);
        if (served.isEmpty()) {
            return new Network.Failure("Connection refused");
        }
        Network.HttpReply reply = served.get().reply();
        events.emit("container-runtime", target.node, "serve", "Pod/" + target.sandbox.namespace() + "/"
                        + target.sandbox.podName(), "kube-proxy", "container-runtime",
                "Pod " + target.sandbox.podName() + " on " + target.node + " answered " + who + " with HTTP "
                        + reply.status() + " " + reply.reason() + ".");
        return new Network.Answered(reply);
    }
}
