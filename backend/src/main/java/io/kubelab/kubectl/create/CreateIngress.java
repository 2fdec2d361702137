package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]}: a path ending in
 * {@code *} is a Prefix path, any other Exact; rules of one host share its HTTP rule; TLS once per host.
 */
final class CreateIngress extends GeneratorCommand {

    /** kubectl's rule grammar: host, path (from {@code /}), service, port, then optional {@code ,tls[=secret]}. */
    private static final Pattern RULE = Pattern.compile(
            "^([\\w*\\-.]*)(/.*)=([\\w\\-]+):([\\w\\-]+)(,(tls)=?([\\w\\-]+)?)?");

    @Override
    public String name() {
        return "ingress";
    }

    @Override
    public List<String> aliases() {
        return List.of("ing");
    }

    @Override
    public String summary() {
        return "Create an ingress with the specified name";
    }

    @Override
    public String description() {
        return "Create an ingress with the specified name.";
    }

    @Override
    public String usage() {
        return "kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]";
    }

    @Override
    public String examples() {
        return """
                  # Send foo.com/bar to port 8080 of the service svc1, with TLS from the secret my-cert
                  kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"

                  # Every path under /api, through the ingress class nginx
                  kubectl create ingress api --class=nginx --rule="/api*=api:80"

                  # Only a default backend
                  kubectl create ingress catch-all --default-backend=fallback:http
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.stringArray("annotation", "", "Annotation to insert in the ingress object, in the format annotation=value"))
                .add(Flag.string("class", "", "", "Ingress Class to be used"))
                .add(Flag.string("default-backend", "", "", "Default service for backend, in format of svcname:port"))
                .add(Flag.stringArray("rule", "", "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional."));
    }

    @Override
    protected String apiVersion() {
        return "networking.k8s.io/v1";
    }

    @Override
    protected String kind() {
        return "Ingress";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        List<String> rules = flags.strings("rule");
        List<String> annotations = flags.strings("annotation");
        String defaultBackend = flags.string("default-backend");
        if (defaultBackend.isEmpty() && rules.isEmpty()) {
            throw KubectlException.error("not enough information provided: every ingress has to either specify a "
                    + "default-backend (which catches all traffic) or a list of rules (which catch specific paths)");
        }
        for (String rule : rules) {
            if (!RULE.matcher(rule).find()) {
                throw KubectlException.error("rule " + rule
                        + " is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]");
            }
        }
        for (String annotation : annotations) {
            if (!annotation.contains("=")) {
                throw KubectlException.error("annotation " + annotation
                        + " is invalid and should be in format key=[value]");
            }
        }
        if (!defaultBackend.isEmpty() && defaultBackend.split(":", -1).length != 2) {
            throw KubectlException.error("default-backend should be in format servicename:serviceport");
        }
        ObjectNode ingress = Typed.object(apiVersion(), kind(), name, namespace);
        if (!annotations.isEmpty()) {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (String annotation : annotations) {
                int eq = annotation.indexOf('=');
                sorted.put(annotation.substring(0, eq), annotation.substring(eq + 1));
            }
            ObjectNode node = ((ObjectNode) ingress.get("metadata")).putObject("annotations");
            sorted.forEach(node::put);
        }
        ObjectNode spec = ingress.putObject("spec");
        String ingressClass = flags.string("class");
        if (!ingressClass.isEmpty()) {
            spec.put("ingressClassName", ingressClass);
        }
        if (!defaultBackend.isEmpty()) {
            String[] parts = defaultBackend.split(":", -1);
            spec.set("defaultBackend", backend(parts[0], parts[1]));
        }
        ArrayNode tls = tls(rules);
        if (!tls.isEmpty()) {
            spec.set("tls", tls);
        }
        ArrayNode ingressRules = ingressRules(rules);
        if (!ingressRules.isEmpty()) {
            spec.set("rules", ingressRules);
        }
        ingress.putObject("status").putObject("loadBalancer");
        return ingress;
    }

    private static ArrayNode tls(List<String> rules) {
        ArrayNode out = Typed.node().arrayNode();
        Set<String> hosts = new HashSet<>();
        for (String rule : rules) {
            Matcher m = RULE.matcher(rule);
            if (!m.find() || m.group(6) == null) {
                continue;
            }
            String host = m.group(1);
            ObjectNode entry = Typed.node();
            if (!host.isEmpty()) {
                if (!hosts.add(host)) {
                    continue;
                }
                entry.putArray("hosts").add(host);
            }
            if (m.group(7) != null && !m.group(7).isEmpty()) {
                entry.put("secretName", m.group(7));
            }
            out.add(entry);
        }
        return out;
    }

    private static ArrayNode ingressRules(List<String> rules) {
        ArrayNode out = Typed.node().arrayNode();
        for (String rule : rules) {
            String withoutTls = rule.split(",", -1)[0];
            int slash = withoutTls.indexOf('/');
            String host = withoutTls.substring(0, slash);
            ObjectNode path = path(withoutTls.substring(slash + 1));
            ObjectNode existing = null;
            for (var r : out) {
                if (r.path("host").asText("").equals(host)) {
                    existing = (ObjectNode) r;
                }
            }
            if (existing != null) {
                ((ArrayNode) existing.get("http").get("paths")).add(path);
                continue;
            }
            ObjectNode ingressRule = out.addObject();
            if (!host.isEmpty()) {
                ingressRule.put("host", host);
            }
            ingressRule.putObject("http").putArray("paths").add(path);
        }
        return out;
    }

    private static ObjectNode path(String pathAndService) {
        String[] parts = pathAndService.split("=", -1);
        String path = "/" + parts[0];
        String[] service = parts[1].split(":", -1);
        String pathType = "Exact";
        if (path.endsWith("*")) {
            pathType = "Prefix";
            while (path.endsWith("*")) {
                path = path.substring(0, path.length() - 1);
            }
        }
        ObjectNode node = Typed.node();
        node.put("path", path);
        node.put("pathType", pathType);
        node.set("backend", backend(service[0], service[1]));
        return node;
    }

    private static ObjectNode backend(String service, String port) {
        ObjectNode backend = Typed.node();
        ObjectNode svc = backend.putObject("service");
        svc.put("name", service);
        ObjectNode portNode = svc.putObject("port");
        try {
            portNode.put("number", Integer.parseInt(port));
        } catch (NumberFormatException e) {
            portNode.put("name", port);
        }
        return backend;
    }
}
