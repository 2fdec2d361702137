package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.NameValidation;

import java.util.List;

/**
 * {@code kubectl create service clusterip|nodeport|loadbalancer|externalname NAME}: a Service selecting
 * {@code app: NAME}, ports from {@code --tcp}. kubectl's service generators ignore {@code --save-config}.
 */
final class CreateServiceType extends GeneratorCommand {

    private static final String TCP = "tcp";
    private final String type;
    private final String word;
    private final String usage;
    private final String example;

    private CreateServiceType(String type, String usage, String example) {
        this.type = type;
        this.word = type.toLowerCase(java.util.Locale.ROOT);
        this.usage = usage;
        this.example = example;
    }

    static List<GeneratorCommand> all() {
        return List.of(
                new CreateServiceType("ClusterIP", "[--tcp=<port>:<targetPort>]",
                        "  # A ClusterIP service on port 5678 sending to the pods' port 8080\n"
                                + "  kubectl create service clusterip my-cs --tcp=5678:8080\n\n"
                                + "  # A headless service\n  kubectl create service clusterip my-cs --clusterip=\"None\"\n"),
                new CreateServiceType("ExternalName", "--external-name external.name",
                        "  # A service answering with the DNS name bar.com\n"
                                + "  kubectl create service externalname my-ns --external-name bar.com\n"),
                new CreateServiceType("LoadBalancer", "[--tcp=port:targetPort]",
                        "  # A LoadBalancer service\n  kubectl create service loadbalancer my-lbs --tcp=5678:8080\n"),
                new CreateServiceType("NodePort", "[--tcp=port:targetPort]",
                        "  # A NodePort service\n  kubectl create service nodeport my-ns --tcp=5678:8080\n"));
    }

    @Override
    public String name() {
        return word;
    }

    @Override
    public String summary() {
        return "Create a" + (type.equals("ExternalName") ? "n " : " ") + type + " service";
    }

    @Override
    public String description() {
        return "Create a" + (type.equals("ExternalName") ? "n " : " ") + type + " service with the specified name.";
    }

    @Override
    public String usage() {
        return "kubectl create service " + word + " NAME " + usage + " [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return example;
    }

    @Override
    protected FlagSet generatorFlags() {
        FlagSet flags = new FlagSet()
                .add(Flag.stringSlice(TCP, "", "Port pairs can be specified as '<port>:<targetPort>'."));
        switch (type) {
            case "ClusterIP" -> flags.add(Flag.string("clusterip", "", "", "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."));
            case "NodePort" -> flags.add(Flag.integer("node-port", "", 0, "Port used to expose the service on each node in a cluster."));
            case "ExternalName" -> flags.add(Flag.string("external-name", "", "", "External name of service"));
            default -> {
            }
        }
        return flags;
    }

    @Override
    protected List<String> requiredFlags() {
        return type.equals("ExternalName") ? List.of("external-name") : List.of();
    }

    @Override
    protected boolean savesConfig() {
        return false;
    }

    @Override
    protected String apiVersion() {
        return "v1";
    }

    @Override
    protected String kind() {
        return "Service";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        String clusterIP = type.equals("ClusterIP") ? flags.string("clusterip") : "";
        String externalName = type.equals("ExternalName") ? flags.string("external-name") : "";
        List<String> tcp = flags.strings(TCP);
        if (!clusterIP.equals("None") && tcp.isEmpty() && !type.equals("ExternalName")) {
            throw KubectlException.error("at least one tcp port specifier must be provided");
        }
        if (type.equals("ExternalName") && !NameValidation.dns1123Subdomain(externalName).isEmpty()) {
            throw KubectlException.error("invalid service external name " + externalName);
        }
        long nodePort = type.equals("NodePort") ? flags.integer("node-port") : 0;
        ObjectNode service = Typed.object(apiVersion(), kind(), name, namespace);
        ((ObjectNode) service.get("metadata")).putObject("labels").put("app", name);
        ObjectNode spec = service.putObject("spec");
        if (!tcp.isEmpty()) {
            ArrayNode ports = spec.putArray("ports");
            for (String port : tcp) {
                ports.add(ServicePorts.port(port, nodePort));
            }
        }
        spec.putObject("selector").put("app", name);
        if (!clusterIP.isEmpty()) {
            spec.put("clusterIP", clusterIP);
        }
        spec.put("type", type);
        if (!externalName.isEmpty()) {
            spec.put("externalName", externalName);
        }
        service.putObject("status").putObject("loadBalancer");
        return service;
    }
}
