package io.kubelab.shell;

import io.kubelab.cluster.NodeHost;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code systemctl} on a node (systemd 249, Ubuntu 22.04) for the two services Kubernetes needs:
 * {@code kubelet} (status, stop, start, restart, is-active: stopping it is {@code kubelet/<node>} stopped)
 * and {@code containerd} (status).
 */
final class Systemctl implements Builtin {

    static final String KUBELET_ARGS = "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf "
            + "--kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml "
            + "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock "
            + "--pod-infra-container-image=registry.k8s.io/pause:3.10";
    static final String EXEC_START = "/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS "
            + "$KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** systemctl's exit code for an inactive unit in {@code status} and {@code is-active}. */
    static final int INACTIVE = 3;

    @Override
    public CommandResult run(Shell shell, List<String> args) {
        NodeHost host = shell.sessions().host();
        List<String> words = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (words.isEmpty()) {
            return CommandResult.failure("systemctl: listing units is not simulated; name one, e.g. "
                    + "systemctl status kubelet\n", 1);
        }
        String verb = words.get(0);
        if (verb.equals("daemon-reload")) {
            return CommandResult.empty();
        }
        if (words.size() < 2) {
            return CommandResult.failure("Too few arguments.\n", 1);
        }
        String unit = words.get(1).endsWith(".service") ? words.get(1).substring(0, words.get(1).length() - 8)
                : words.get(1);
        // The node's runtime service: containerd by default, crio on a CRI-O sandbox.
        String runtimeUnit = crio(host) ? "crio" : "containerd";
        if (unit.equals(runtimeUnit)) {
            unit = "containerd";
        } else if (unit.equals("containerd") || unit.equals("crio")) {
            unit = "absent-" + unit;
        }
        boolean known = unit.equals("kubelet") || unit.equals("containerd");
        unit = unit.startsWith("absent-") ? unit.substring("absent-".length()) : unit;
        Instant now = shell.cluster().orElseThrow().clock().now();
        return switch (verb) {
            case "status" -> !known ? CommandResult.failure("Unit " + unit + ".service could not be found.\n", 4)
                    : unit.equals("kubelet") ? kubeletStatus(shell, host, now)
                    : crio(host) ? crioStatus(host, now) : containerdStatus(host, now);
            case "is-active" -> !known ? new CommandResult("inactive\n", "", INACTIVE)
                    : unit.equals("containerd") || host.kubeletRunning() ? CommandResult.ok("active\n")
                    : new CommandResult("inactive\n", "", INACTIVE);
            case "is-enabled" -> known ? CommandResult.ok("enabled\n")
                    : CommandResult.failure("Failed to get unit file state for " + unit + ".service: No such file or directory\n", 1);
            case "enable", "disable" -> known ? CommandResult.empty()
                    : CommandResult.failure("Failed to " + verb + " unit: Unit file " + unit + ".service does not exist.\n", 1);
            case "stop", "start", "restart" -> change(host, verb, unit, known);
            default -> CommandResult.failure("Unknown command verb " + verb + ".\n", 1);
        };
    }

    private static CommandResult change(NodeHost host, String verb, String unit, boolean known) {
        if (!known) {
            return CommandResult.failure("Failed to " + verb + " " + unit + ".service: Unit " + unit
                    + ".service " + (verb.equals("stop") ? "not loaded" : "not found") + ".\n", 5);
        }
        if (unit.equals("containerd")) {
            String name = crio(host) ? "crio" : "containerd";
            return CommandResult.failure("systemctl: " + verb + "ping " + name + " is not simulated; the kubelet "
                    + "is: systemctl " + verb + " kubelet\n", 1);
        }
        if (!verb.equals("start") && host.kubeletRunning()) {
            host.setKubeletRunning(false);
        }
        if (!verb.equals("stop") && !host.kubeletRunning()) {
            host.setKubeletRunning(true);
        }
        return CommandResult.empty();
    }

    private static CommandResult kubeletStatus(Shell shell, NodeHost host, Instant now) {
        boolean running = host.kubeletRunning();
        int pid = Journal.pid(host);
        StringBuilder out = new StringBuilder();
        out.append(running ? "\u25cf" : "\u25cb").append(" kubelet.service - ").append(Journal.DESCRIPTION).append('\n')
                .append("     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)\n")
                .append("    Drop-In: /usr/lib/systemd/system/kubelet.service.d\n")
                .append("             \u2514\u250010-kubeadm.conf\n");
        if (running) {
            Duration up = Duration.between(host.kubeletSince(), now);
            out.append("     Active: active (running) since ").append(SINCE.format(host.kubeletSince())).append("; ")
                    .append(relative(up)).append('\n')
                    .append("       Docs: https://kubernetes.io/docs/\n")
                    .append("   Main PID: ").append(pid).append(" (kubelet)\n")
                    .append("      Tasks: 11 (limit: 4558)\n")
                    .append("     Memory: 48.6M\n")
                    .append("        CPU: ").append(cpu(up, 0.02)).append('\n')
                    .append("     CGroup: /system.slice/kubelet.service\n")
                    .append("             \u2514\u2500").append(pid).append(' ').append(crio(host)
                            ? KUBELET_ARGS.replace("unix:///var/run/containerd/containerd.sock", "unix:///var/run/crio/crio.sock")
                            : KUBELET_ARGS).append('\n');
        } else {
            out.append("     Active: inactive (dead) since ").append(SINCE.format(host.kubeletSince())).append("; ")
                    .append(relative(Duration.between(host.kubeletSince(), now))).append('\n')
                    .append("       Docs: https://kubernetes.io/docs/\n")
                    .append("    Process: ").append(pid).append(" ExecStart=").append(EXEC_START)
                    .append(" (code=exited, status=0/SUCCESS)\n")
                    .append("   Main PID: ").append(pid).append(" (code=exited, status=0/SUCCESS)\n");
        }
        List<String> journal = Journal.kubelet(shell, host);
        out.append('\n');
        journal.subList(Math.max(0, journal.size() - 10), journal.size()).forEach(l -> out.append(l).append('\n'));
        return new CommandResult(out.toString(), "", running ? 0 : INACTIVE);
    }

    private static boolean crio(NodeHost host) {
        return host.runtime().map(r -> r.flavor() == io.kubelab.runtime.RuntimeFlavor.CRIO).orElse(false);
    }

    private static CommandResult crioStatus(NodeHost host, Instant now) {
        Duration up = Duration.between(host.bootedAt(), now);
        return CommandResult.ok("\u25cf crio.service - Container Runtime Interface for OCI (CRI-O)\n"
                + "     Loaded: loaded (/lib/systemd/system/crio.service; enabled; vendor preset: enabled)\n"
                + "     Active: active (running) since " + SINCE.format(host.bootedAt()) + "; " + relative(up) + "\n"
                + "       Docs: https://github.com/cri-o/cri-o\n"
                + "   Main PID: 598 (crio)\n"
                + "      Tasks: 14\n"
                + "     Memory: 52.8M\n"
                + "        CPU: " + cpu(up, 0.01) + "\n"
                + "     CGroup: /system.slice/crio.service\n"
                + "             \u2514\u2500598 /usr/bin/crio\n");
    }

    private static CommandResult containerdStatus(NodeHost host, Instant now) {
        Duration up = Duration.between(host.bootedAt(), now);
        return CommandResult.ok("\u25cf containerd.service - containerd container runtime\n"
                + "     Loaded: loaded (/lib/systemd/system/containerd.service; enabled; vendor preset: enabled)\n"
                + "     Active: active (running) since " + SINCE.format(host.bootedAt()) + "; " + relative(up) + "\n"
                + "       Docs: https://containerd.io\n"
                + "   Main PID: 612 (containerd)\n"
                + "      Tasks: 98\n"
                + "     Memory: 61.3M\n"
                + "        CPU: " + cpu(up, 0.01) + "\n"
                + "     CGroup: /system.slice/containerd.service\n"
                + "             \u2514\u2500612 /usr/bin/containerd\n");
    }

    /** systemd's relative timestamp ({@code format_timestamp_relative}). */
    static String relative(Duration d) {
        long s = d.getSeconds();
        long days = s / 86_400;
        if (days >= 7) {
            return days / 7 + (days / 7 == 1 ? " week " : " weeks ") + days % 7 + (days % 7 == 1 ? " day" : " days") + " ago";
        } else if (s >= 2 * 86_400) {
            return days + " days ago";
        } else if (s >= 25 * 3600) {
            return "1 day " + (s - 86_400) / 3600 + "h ago";
        } else if (s >= 6 * 3600) {
            return s / 3600 + "h ago";
        } else if (s >= 3600) {
            return s / 3600 + "h " + s % 3600 / 60 + "min ago";
        } else if (s >= 300) {
            return s / 60 + "min ago";
        } else if (s >= 60) {
            return s / 60 + "min " + s % 60 + "s ago";
        } else if (s >= 1) {
            return s + "s ago";
        }
        return d.toMillis() > 0 ? d.toMillis() + "ms ago" : "now";
    }

    /** CPU time used so far, a small share of the time up, as systemd formats it. */
    private static String cpu(Duration up, double share) {
        long ms = Math.max(1, (long) (up.toMillis() * share));
        long minutes = ms / 60_000;
        String seconds = String.format(Locale.ROOT, "%.3fs", (ms % 60_000) / 1000.0);
        return minutes > 0 ? minutes + "min " + seconds : seconds;
    }
}
