package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's own components as containers (etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler, kube-proxy, CoreDNS, metrics-server): their work is simulated elsewhere, so as processes they only
 * listen on their ports and answer the health endpoints their pods' probes ask for, as the real ones do.
 */
final class ClusterComponent extends TimedProcess {

    /** Ports each binary listens on, from kubeadm's flags and the components' defaults. */
    private static final Map<String, List<Integer>> PORTS = Map.of(
            "etcd", List.of(2379, 2380, 2381),
            "kube-apiserver", List.of(6443),
            "kube-controller-manager", List.of(10257),
            "kube-scheduler", List.of(10259),
            "kube-proxy", List.of(10249, 10256),
            "coredns", List.of(53, 8080, 8181, 9153),
            "metrics-server", List.of(10250));

    private final String binary;

    ClusterComponent(Container c, ImageConfig image, String binary) {
        super(c, image);
        this.binary = binary;
        err(Duration.ZERO, startLine(binary, image.version()));
    }

    private static String startLine(String binary, String version) {
        return switch (binary) {
            case "etcd" -> "{\"level\":\"info\",\"msg\":\"serving client traffic securely\",\"address\":\"127.0.0.1:2379\"}";
            case "coredns" -> ".:53";
            case "metrics-server" -> "I0000 Serving securely on [::]:10250";
            default -> "I0000 Version: " + version;
        };
    }

    @Override
    public boolean listening(int port) {
        return !ended && PORTS.getOrDefault(binary, List.of()).contains(port);
    }

    @Override
    public Optional<Served> http(int port, Network.HttpRequest request, Instant now) {
        if (!listening(port)) {
            return Optional.empty();
        }
        String path = request.path().replaceFirst("\\?.*", "");
        String body = switch (binary) {
            case "etcd" -> path.equals("/health") ? "{\"health\":\"true\",\"reason\":\"\"}" : "ok";
            case "coredns" -> path.equals("/health") || path.equals("/ready") ? "OK" : "";
            default -> "ok";
        };
        return Optional.of(new Served(new Network.HttpReply(200, "OK", List.of("Content-Type: text/plain; charset=utf-8",
                "Content-Length: " + body.length()), body), List.of()));
    }

    @Override
    public Optional<Duration> onTerminate() {
        return shutdown(List.of(), List.of(), Duration.ofMillis(200), 0);
    }
}
