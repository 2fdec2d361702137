package io.kubelab.kubectl.clusterinfo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.ResourceTypes;

/**
 * {@code kubectl cluster-info}: where the API server is and the proxy URLs of kube-system's cluster
 * services, coloured as kubectl colours them (always, terminal or not).
 */
public final class ClusterInfoCommand extends Command {

    private static final String GREEN = "\u001b[0;32m";
    private static final String YELLOW = "\u001b[0;33m";
    private static final String RESET = "\u001b[0m";

    @Override
    public String name() {
        return "cluster-info";
    }

    @Override
    public String summary() {
        return "Display cluster information";
    }

    @Override
    public String description() {
        return "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To "
                + "further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.";
    }

    @Override
    public String usage() {
        return "kubectl cluster-info [flags] [options]";
    }

    @Override
    public String examples() {
        return "  # Print the address of the control plane and cluster services\n  kubectl cluster-info";
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!flags.args().isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "Unexpected args: " + flags.args());
        }
        String host = server(ctx);
        JsonNode services;
        try {
            services = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, ResourceTypes.of("v1", "Service"),
                    "kube-system", "").withOptions(RequestOptions.DEFAULT.withSelectors(
                    "kubernetes.io/cluster-service=true", ""))).body().path("items");
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        StringBuilder out = ctx.out();
        line(out, "Kubernetes control plane", host);
        for (JsonNode service : services) {
            String name = service.path("metadata").path("name").asText();
            JsonNode ingress = service.path("status").path("loadBalancer").path("ingress");
            String link;
            JsonNode port = service.path("spec").path("ports").path(0);
            if (ingress.size() > 0) {
                String ip = ingress.get(0).path("ip").asText(ingress.get(0).path("hostname").asText());
                link = "http://" + ip + (port.isMissingNode() ? "" : ":" + port.path("port").asInt());
            } else {
                String target = name;
                if (!port.isMissingNode()) {
                    String portName = port.path("name").asText("");
                    boolean https = portName.equals("https") || port.path("port").asInt() == 443;
                    target = (https ? "https:" : "") + name + (portName.isEmpty() ? "" : ":" + portName);
                }
                link = host + "/api/v1/namespaces/kube-system/services/" + target + "/proxy";
            }
            String shown = service.path("metadata").path("labels").path("kubernetes.io/name").asText("");
            line(out, shown.isEmpty() ? name : shown, link);
        }
        out.append("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    }

    private static void line(StringBuilder out, String name, String link) {
        out.append(GREEN).append(name).append(RESET).append(" is running at ").append(YELLOW).append(link)
                .append(RESET).append('\n');
    }

    /** The API server's address from the current context's cluster, as the client uses it. */
    private static String server(KubectlContext ctx) {
        var config = ctx.kubeconfig();
        String context = config.currentContext();
        String cluster = config.context(context).map(c -> c.path("cluster").asText()).orElse("");
        return config.cluster(cluster).map(c -> c.path("server").asText()).orElse("");
    }
}
