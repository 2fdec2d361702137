package io.kubelab.shell;

import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.NodeHost;
import io.kubelab.events.ComponentEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kubelet's journal on one node: systemd's lines for the service starting and stopping, and klog
 * lines for what the kubelet did (its component events for that node, in klog's header format). The
 * messages are the simulation's plain sentences; the source locations point at the kubelet file that does
 * that work.
 */
final class Journal {

    static final String DESCRIPTION = "kubelet: The Kubernetes Node Agent";
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KLOG = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> SOURCES = Map.of(
            "create-sandbox", "kuberuntime_manager.go:1076",
            "status", "status_manager.go:890",
            "kill", "kuberuntime_container.go:809",
            "delete", "status_manager.go:914",
            "mount-failed", "volume_manager.go:432",
            "mirror", "mirror_client.go:130",
            "create-mirror", "kubelet.go:2543",
            "delete-mirror", "mirror_client.go:140");

    private Journal() {
    }

    /** The kubelet's PID: a new one each time the service starts. */
    static int pid(NodeHost host) {
        return 1000 + Math.floorMod((host.name() + host.kubeletSince()).hashCode(), 8000);
    }

    static List<String> kubelet(Shell shell, NodeHost host) {
        List<String> out = new ArrayList<>();
        Instant booted = host.bootedAt();
        int pid = 1000 + Math.floorMod((host.name() + booted).hashCode(), 8000);
        out.add(systemd(host, booted, "Started " + DESCRIPTION + "."));
        out.add(klog(host, booted, pid, 'I', "server.go:484", "\"Kubelet version\" kubeletVersion=\""
                + ClusterSpec.KUBERNETES_VERSION + "\""));
        out.add(klog(host, booted, pid, 'I', "kubelet_node_status.go:75", "\"Attempting to register node\" node=\""
                + host.name() + "\""));
        out.add(klog(host, booted, pid, 'I', "kubelet_node_status.go:78", "\"Successfully registered node\" node=\""
                + host.name() + "\""));
        for (ComponentEvent e : shell.cluster().orElseThrow().events().since(0)) {
            if (!e.component().equals("kubelet") || !e.node().orElse("").equals(host.name())) {
                continue;
            }
            if (e.from().equals("kubectl")) {
                if (e.action().equals("stop")) {
                    out.add(systemd(host, e.time(), "Stopping " + DESCRIPTION + "..."));
                    out.add(systemd(host, e.time(), "kubelet.service: Deactivated successfully."));
                    out.add(systemd(host, e.time(), "Stopped " + DESCRIPTION + "."));
                } else {
                    out.add(systemd(host, e.time(), "Started " + DESCRIPTION + "."));
                }
                pid = 1000 + Math.floorMod((host.name() + e.time()).hashCode(), 8000);
                continue;
            }
            out.add(klog(host, e.time(), pid, 'I', SOURCES.getOrDefault(e.action(), "kubelet.go:2468"),
                    "\"" + e.message().replace("\"", "\\\"") + "\" object=\"" + e.object() + "\""));
        }
        return out;
    }

    private static String systemd(NodeHost host, Instant at, String text) {
        return SYSLOG.format(at) + " " + host.name() + " systemd[1]: " + text;
    }

    private static String klog(NodeHost host, Instant at, int pid, char level, String source, String text) {
        return SYSLOG.format(at) + " " + host.name() + " kubelet[" + pid + "]: " + level + KLOG.format(at)
                + String.format(" %7d ", pid) + source + "] " + text;
    }
}
