package io.kubelab.shell;

import io.kubelab.apiserver.PodLogs;
import io.kubelab.cluster.NodeFiles;
import io.kubelab.cluster.NodeHost;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A machine's files as its shell sees them: the stored ones, and on a node the container logs the kubelet
 * keeps under {@code /var/log/pods/<namespace>_<pod>_<uid>/<container>/<attempt>.log} in the CRI log
 * format, read live from the node's runtime.
 */
final class MachineFiles {

    static final String POD_LOGS = "/var/log/pods";
    private static final DateTimeFormatter CRI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final NodeFiles files;
    private final NodeHost host;

    MachineFiles(NodeFiles files, NodeHost host) {
        this.files = files;
        this.host = host;
    }

    NodeFiles stored() {
        return files;
    }

    Optional<String> read(String path) {
        Optional<String> stored = files.read(path);
        if (stored.isPresent()) {
            return stored;
        }
        return logFile(path);
    }

    boolean isFile(String path) {
        return read(path).isPresent();
    }

    boolean isDirectory(String path) {
        if (files.isDirectory(path)) {
            return true;
        }
        if (!path.startsWith(POD_LOGS + "/")) {
            return false;
        }
        String[] parts = path.substring(POD_LOGS.length() + 1).split("/");
        if (parts.length > 2) {
            return false;
        }
        Optional<Sandbox> sandbox = sandbox(parts[0]);
        return sandbox.isPresent() && (parts.length == 1 || sandbox.get().container(parts[1]).isPresent());
    }

    boolean exists(String path) {
        return isFile(path) || isDirectory(path);
    }

    List<String> children(String dir) {
        TreeSet<String> out = new TreeSet<>(files.children(dir));
        if (host != null && host.runtime().isPresent()) {
            if (dir.equals(POD_LOGS)) {
                host.runtime().get().sandboxes().forEach(s -> out.add(dirName(s)));
            } else if (dir.startsWith(POD_LOGS + "/")) {
                String[] parts = dir.substring(POD_LOGS.length() + 1).split("/");
                sandbox(parts[0]).ifPresent(s -> {
                    if (parts.length == 1) {
                        s.containers().forEach(c -> out.add(c.name()));
                    } else if (parts.length == 2) {
                        s.previous(parts[1]).ifPresent(c -> out.add(c.attempt() + ".log"));
                        s.container(parts[1]).ifPresent(c -> out.add(c.attempt() + ".log"));
                    }
                });
            }
        }
        return new ArrayList<>(out);
    }

    void write(String path, String content) {
        files.write(path, content);
    }

    boolean delete(String path) {
        return files.delete(path);
    }

    static String dirName(Sandbox s) {
        return s.namespace() + "_" + s.podName() + "_" + s.podUid();
    }

    private Optional<Sandbox> sandbox(String dirName) {
        if (host == null || host.runtime().isEmpty()) {
            return Optional.empty();
        }
        return host.runtime().get().sandboxes().stream().filter(s -> dirName(s).equals(dirName)).findFirst();
    }

    private Optional<String> logFile(String path) {
        if (!path.startsWith(POD_LOGS + "/")) {
            return Optional.empty();
        }
        String[] parts = path.substring(POD_LOGS.length() + 1).split("/");
        if (parts.length != 3 || !parts[2].endsWith(".log")) {
            return Optional.empty();
        }
        Optional<Sandbox> sandbox = sandbox(parts[0]);
        if (sandbox.isEmpty()) {
            return Optional.empty();
        }
        String attempt = parts[2].substring(0, parts[2].length() - 4);
        Optional<RuntimeContainer> current = sandbox.get().container(parts[1]);
        Optional<RuntimeContainer> previous = sandbox.get().previous(parts[1]);
        boolean isCurrent = current.isPresent() && Integer.toString(current.get().attempt()).equals(attempt);
        boolean isPrevious = previous.isPresent() && Integer.toString(previous.get().attempt()).equals(attempt);
        if (!isCurrent && !isPrevious) {
            return Optional.empty();
        }
        return Optional.of(criLog(host.cluster().logs().read(sandbox.get().namespace(), sandbox.get().podName(),
                parts[1], !isCurrent)));
    }

    /** Log lines as containerd writes them: time, stream, full-line tag, text. */
    static String criLog(List<PodLogs.Line> lines) {
        StringBuilder out = new StringBuilder();
        for (PodLogs.Line line : lines) {
            out.append(CRI_TIME.format(line.time())).append(" stdout F ").append(line.text()).append('\n');
        }
        return out.toString();
    }
}
