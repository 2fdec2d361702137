package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.GoSort;
import io.kubelab.kubectl.go.GoText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_2;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_3;

/**
 * kubectl's {@code describeContainers}: each container's image, ports, command, state, resources,
 * probes, environment and mounts. {@code statuses} are empty and {@code resolver} absent for templates.
 */
final class ContainersSection {

    private ContainersSection() {
    }

    static void write(PrefixWriter w, String label, List<JsonNode> containers, List<JsonNode> statuses,
                      Function<JsonNode, String> resolver, String space) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode s : statuses) {
            byName.put(J.str(s, "name"), s);
        }
        w.write(LEVEL_0, space + label + ":" + (containers.isEmpty() ? " <none>" : "") + "\n");
        for (JsonNode c : containers) {
            JsonNode status = byName.get(J.str(c, "name"));
            basicInfo(w, c, status, space);
            command(w, c);
            if (status != null) {
                state(w, status);
            }
            resources(w, c.path("resources"), LEVEL_2);
            probes(w, c);
            if (!J.list(c, "envFrom").isEmpty()) {
                envFrom(w, c);
            }
            env(w, c, resolver);
            mounts(w, c);
        }
    }

    private static void basicInfo(PrefixWriter w, JsonNode c, JsonNode status, String space) {
        w.write(LEVEL_1, (space.isEmpty() ? "" : " ") + J.str(c, "name") + ":\n");
        if (status != null) {
            w.write(LEVEL_2, "Container ID:\t" + J.str(status, "containerID") + "\n");
        }
        w.write(LEVEL_2, "Image:\t" + J.str(c, "image") + "\n");
        if (status != null) {
            w.write(LEVEL_2, "Image ID:\t" + J.str(status, "imageID") + "\n");
        }
        List<JsonNode> ports = J.list(c, "ports");
        String portString = ports(ports, "containerPort");
        if (portString.contains(",")) {
            w.write(LEVEL_2, "Ports:\t" + portString + "\n");
        } else {
            w.write(LEVEL_2, "Port:\t" + Meta.orNone(portString) + "\n");
        }
        String hostPortString = ports(ports, "hostPort");
        if (hostPortString.contains(",")) {
            w.write(LEVEL_2, "Host Ports:\t" + hostPortString + "\n");
        } else {
            w.write(LEVEL_2, "Host Port:\t" + Meta.orNone(hostPortString) + "\n");
        }
        JsonNode seccomp = J.at(c, "securityContext", "seccompProfile");
        if (seccomp.isObject()) {
            w.write(LEVEL_2, "SeccompProfile:\t" + J.str(seccomp, "type") + "\n");
            if (J.str(seccomp, "type").equals("Localhost")) {
                w.write(LEVEL_3, "LocalhostProfile:\t" + J.str(seccomp, "localhostProfile") + "\n");
            }
        }
    }

    private static String ports(List<JsonNode> ports, String field) {
        List<String> out = new ArrayList<>(ports.size());
        for (JsonNode p : ports) {
            // kubectl 1.32 prints no port names here (later versions append them).
            out.add(J.num(p, field) + "/" + J.str(p, "protocol"));
        }
        return String.join(", ", out);
    }

    private static void command(PrefixWriter w, JsonNode c) {
        lines(w, "Command:\n", J.strings(c, "command"));
        lines(w, "Args:\n", J.strings(c, "args"));
    }

    private static void lines(PrefixWriter w, String title, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        w.write(LEVEL_2, title);
        for (String v : values) {
            for (String s : v.split("\n", -1)) {
                w.write(LEVEL_3, s + "\n");
            }
        }
    }

    /** {@code describeResources}: limits then requests, names sorted. */
    static void resources(PrefixWriter w, JsonNode resources, int level) {
        list(w, "Limits:\n", J.map(resources, "limits"), level);
        list(w, "Requests:\n", J.map(resources, "requests"), level);
    }

    private static void list(PrefixWriter w, String title, Map<String, String> quantities, int level) {
        if (quantities.isEmpty()) {
            return;
        }
        w.write(level, title);
        for (Map.Entry<String, String> e : quantities.entrySet()) {
            w.write(level + 1, e.getKey() + ":\t" + Quantities.text(e.getValue()) + "\n");
        }
    }

    private static void state(PrefixWriter w, JsonNode status) {
        stateOf(w, "State", status.path("state"));
        if (J.at(status, "lastState", "terminated").isObject()) {
            stateOf(w, "Last State", status.path("lastState"));
        }
        w.write(LEVEL_2, "Ready:\t" + Meta.printBool(J.bool(status, "ready")) + "\n");
        w.write(LEVEL_2, "Restart Count:\t" + J.num(status, "restartCount") + "\n");
    }

    /** {@code describeStatus}. */
    private static void stateOf(PrefixWriter w, String name, JsonNode state) {
        if (state.path("running").isObject()) {
            w.write(LEVEL_2, name + ":\tRunning\n");
            w.write(LEVEL_3, "Started:\t" + Ages.date(J.str(state, "running", "startedAt")) + "\n");
        } else if (state.path("waiting").isObject()) {
            w.write(LEVEL_2, name + ":\tWaiting\n");
            String reason = J.str(state, "waiting", "reason");
            if (!reason.isEmpty()) {
                w.write(LEVEL_3, "Reason:\t" + reason + "\n");
            }
        } else if (state.path("terminated").isObject()) {
            JsonNode t = state.path("terminated");
            w.write(LEVEL_2, name + ":\tTerminated\n");
            if (!J.str(t, "reason").isEmpty()) {
                w.write(LEVEL_3, "Reason:\t" + J.str(t, "reason") + "\n");
            }
            if (!J.str(t, "message").isEmpty()) {
                w.write(LEVEL_3, "Message:\t" + J.str(t, "message") + "\n");
            }
            w.write(LEVEL_3, "Exit Code:\t" + J.num(t, "exitCode") + "\n");
            if (J.num(t, "signal") > 0) {
                w.write(LEVEL_3, "Signal:\t" + J.num(t, "signal") + "\n");
            }
            w.write(LEVEL_3, "Started:\t" + Ages.date(J.str(t, "startedAt")) + "\n");
            w.write(LEVEL_3, "Finished:\t" + Ages.date(J.str(t, "finishedAt")) + "\n");
        } else {
            w.write(LEVEL_2, name + ":\tWaiting\n");
        }
    }

    private static void probes(PrefixWriter w, JsonNode c) {
        if (c.path("livenessProbe").isObject()) {
            w.write(LEVEL_2, "Liveness:\t" + Probes.describe(c.path("livenessProbe")) + "\n");
        }
        if (c.path("readinessProbe").isObject()) {
            w.write(LEVEL_2, "Readiness:\t" + Probes.describe(c.path("readinessProbe")) + "\n");
        }
        if (c.path("startupProbe").isObject()) {
            w.write(LEVEL_2, "Startup:\t" + Probes.describe(c.path("startupProbe")) + "\n");
        }
    }

    private static void envFrom(PrefixWriter w, JsonNode c) {
        w.write(LEVEL_2, "Environment Variables from:\n");
        for (JsonNode e : J.list(c, "envFrom")) {
            String from = "";
            String name = "";
            boolean optional = false;
            if (e.path("configMapRef").isObject()) {
                from = "ConfigMap";
                name = J.str(e, "configMapRef", "name");
                optional = J.bool(e, "configMapRef", "optional");
            } else if (e.path("secretRef").isObject()) {
                from = "Secret";
                name = J.str(e, "secretRef", "name");
                optional = J.bool(e, "secretRef", "optional");
            }
            String prefix = J.str(e, "prefix");
            if (prefix.isEmpty()) {
                w.write(LEVEL_3, name + "\t" + from + "\tOptional: " + optional + "\n");
            } else {
                w.write(LEVEL_3, name + "\t" + from + " with prefix '" + prefix + "'\tOptional: " + optional + "\n");
            }
        }
    }

    private static void env(PrefixWriter w, JsonNode c, Function<JsonNode, String> resolver) {
        List<JsonNode> env = J.list(c, "env");
        w.write(LEVEL_2, "Environment:" + (env.isEmpty() ? "\t<none>" : "") + "\n");
        for (JsonNode e : env) {
            String name = J.str(e, "name");
            JsonNode from = e.path("valueFrom");
            if (!from.isObject()) {
                String[] parts = J.str(e, "value").split("\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    w.write(LEVEL_3, (i == 0 ? name + ":\t" : "\t") + parts[i] + "\n");
                }
                continue;
            }
            if (from.path("fieldRef").isObject()) {
                String value = resolver == null ? "" : resolver.apply(e);
                w.write(LEVEL_3, name + ":\t" + value + " (" + J.str(from, "fieldRef", "apiVersion") + ":"
                        + J.str(from, "fieldRef", "fieldPath") + ")\n");
            } else if (from.path("resourceFieldRef").isObject()) {
                String resource = J.str(from, "resourceFieldRef", "resource");
                String value = Quantities.containerResourceValue(from.path("resourceFieldRef"), c);
                if (value.equals("0") && (resource.equals("limits.cpu") || resource.equals("limits.memory"))) {
                    value = "node allocatable";
                }
                w.write(LEVEL_3, name + ":\t" + value + " (" + resource + ")\n");
            } else if (from.path("secretKeyRef").isObject()) {
                w.write(LEVEL_3, name + ":\t<set to the key '" + J.str(from, "secretKeyRef", "key") + "' in secret '"
                        + J.str(from, "secretKeyRef", "name") + "'>\tOptional: " + J.bool(from, "secretKeyRef", "optional") + "\n");
            } else if (from.path("configMapKeyRef").isObject()) {
                w.write(LEVEL_3, name + ":\t<set to the key '" + J.str(from, "configMapKeyRef", "key") + "' of config map '"
                        + J.str(from, "configMapKeyRef", "name") + "'>\tOptional: " + J.bool(from, "configMapKeyRef", "optional") + "\n");
            }
        }
    }

    private static void mounts(PrefixWriter w, JsonNode c) {
        List<JsonNode> mounts = J.list(c, "volumeMounts");
        String none = mounts.isEmpty() ? "\t<none>" : "";
        w.write(LEVEL_2, "Mounts:" + none + "\n");
        GoSort.sort(mounts, Comparator.comparing(m -> J.str(m, "mountPath")));
        for (JsonNode m : mounts) {
            String flags = J.bool(m, "readOnly") ? "ro" : "rw";
            if (!J.str(m, "subPath").isEmpty()) {
                flags += ",path=" + GoText.quote(J.str(m, "subPath"));
            }
            w.write(LEVEL_3, J.str(m, "mountPath") + " from " + J.str(m, "name") + " (" + flags + ")\n");
        }
        List<JsonNode> devices = J.list(c, "volumeDevices");
        if (!devices.isEmpty()) {
            w.write(LEVEL_2, "Devices:" + none + "\n");
            GoSort.sort(devices, Comparator.comparing(d -> J.str(d, "devicePath")));
            for (JsonNode d : devices) {
                w.write(LEVEL_3, J.str(d, "devicePath") + " from " + J.str(d, "name") + "\n");
            }
        }
    }
}
