package io.kubelab.kubectl.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.create.Typed;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl's {@code run-pod/v1} generator: one container named like the pod, labelled {@code run: NAME}
 * unless {@code --labels}, restart policy and {@code dnsPolicy: ClusterFirst}; fields in the Go struct's order.
 */
final class PodGenerator {

    /** What the flags ask for. */
    record Spec(String name, String image, Map<String, String> labels, Map<String, String> annotations,
                List<String> env, String port, String pullPolicy, boolean privileged, boolean stdin,
                boolean leaveStdinOpen, boolean tty, String restartPolicy, List<String> args, boolean command) {
    }

    private PodGenerator() {
    }

    /** {@code a=b,c=d} as {@code generate.ParseLabels} reads it. */
    static Map<String, String> labels(String text) throws KubectlException {
        Map<String, String> out = new TreeMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String spec : text.split(",", -1)) {
            String[] parts = spec.split("=", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw KubectlException.error("unexpected label spec: " + spec);
            }
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    static Map<String, String> annotations(List<String> given) throws KubectlException {
        Map<String, String> out = new TreeMap<>();
        for (String a : given) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw KubectlException.error("invalid annotations format: " + a);
            }
            out.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return out;
    }

    static ObjectNode pod(Spec s, String namespace) throws KubectlException {
        ObjectNode pod = Typed.object("v1", "Pod", s.name(), namespace);
        ObjectNode meta = (ObjectNode) pod.get("metadata");
        ObjectNode labels = meta.putObject("labels");
        (s.labels().isEmpty() ? Map.of("run", s.name()) : s.labels()).forEach(labels::put);
        if (!s.annotations().isEmpty()) {
            ObjectNode annotations = meta.putObject("annotations");
            s.annotations().forEach(annotations::put);
        }
        ObjectNode spec = pod.putObject("spec");
        ObjectNode container = spec.putArray("containers").addObject();
        container.put("name", s.name());
        container.put("image", s.image());
        if (!s.args().isEmpty()) {
            container.set(s.command() ? "command" : "args", Typed.strings(s.args()));
        }
        if (!s.port().isEmpty()) {
            int port;
            try {
                port = Integer.parseInt(s.port());
            } catch (NumberFormatException e) {
                throw KubectlException.error("strconv.Atoi: parsing \"" + s.port() + "\": invalid syntax");
            }
            container.putArray("ports").addObject().put("containerPort", port);
        }
        if (!s.env().isEmpty()) {
            ArrayNode env = container.putArray("env");
            for (String[] e : env(s.env())) {
                env.addObject().put("name", e[0]).put("value", e[1]);
            }
        }
        container.putObject("resources");
        if (!s.pullPolicy().isEmpty()) {
            container.put("imagePullPolicy", s.pullPolicy());
        }
        if (s.privileged()) {
            container.putObject("securityContext").put("privileged", true);
        }
        if (s.stdin()) {
            container.put("stdin", true);
            if (!s.leaveStdinOpen()) {
                container.put("stdinOnce", true);
            }
        }
        if (s.tty()) {
            container.put("tty", true);
        }
        spec.put("restartPolicy", s.restartPolicy());
        spec.put("dnsPolicy", "ClusterFirst");
        pod.putObject("status");
        return pod;
    }

    /** {@code NAME=VALUE} pairs in the order given (repeats kept, as kubectl keeps them). */
    private static List<String[]> env(List<String> given) throws KubectlException {
        List<String[]> out = new java.util.ArrayList<>();
        for (String e : given) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw KubectlException.error("invalid env: " + e);
            }
            out.add(new String[] {e.substring(0, eq), e.substring(eq + 1)});
        }
        return out;
    }

    /** The service of {@code --expose}: the pod's selector, one TCP port to the same target port. */
    static ObjectNode service(String name, String namespace, Map<String, String> podLabels, String labelFlag,
                              int port) {
        ObjectNode service = Typed.object("v1", "Service", name, namespace);
        if (!labelFlag.isEmpty()) {
            ObjectNode labels = ((ObjectNode) service.get("metadata")).putObject("labels");
            podLabels.forEach(labels::put);
        }
        ObjectNode spec = service.putObject("spec");
        spec.putArray("ports").addObject().put("protocol", "TCP").put("port", port).put("targetPort", port);
        ObjectNode selector = spec.putObject("selector");
        (podLabels.isEmpty() ? Map.of("run", name) : podLabels).forEach(selector::put);
        service.putObject("status").putObject("loadBalancer");
        return service;
    }
}
