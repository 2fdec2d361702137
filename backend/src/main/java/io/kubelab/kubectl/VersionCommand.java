package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ServerVersion;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** {@code kubectl version}: the client (the same release as the cluster) and the server's /version. */
final class VersionCommand extends Command {

    static final String KUSTOMIZE = "v5.5.0";

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Print the client and server version information";
    }

    @Override
    public String description() {
        return "Print the client and server version information for the current context.";
    }

    @Override
    public String usage() {
        return "kubectl version [flags] [options]";
    }

    @Override
    public String examples() {
        return "  # Print the client and server versions for the current context\n  kubectl version";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.bool("client", "", false, "If true, shows client version only (no server required)."))
                .add(Flag.string("output", "o", "", "One of 'yaml' or 'json'."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String output = flags.string("output");
        if (!output.isEmpty() && !output.equals("yaml") && !output.equals("json")) {
            throw KubectlException.error("--output must be 'yaml' or 'json'");
        }
        boolean clientOnly = flags.bool("client");
        ObjectNode server = clientOnly ? null : ctxServer(ctx);
        if (!output.isEmpty()) {
            ObjectNode doc = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            doc.set("clientVersion", client());
            doc.put("kustomizeVersion", KUSTOMIZE);
            if (server != null) {
                doc.set("serverVersion", server);
            }
            ctx.out().append(output.equals("json") ? io.kubelab.kubectl.print.JsonPrinter.printInOrderTwoSpaces(doc)
                    : io.kubelab.kubectl.print.YamlPrinter.print(doc));
            return;
        }
        ctx.out().append("Client Version: ").append(ServerVersion.GIT_VERSION).append('\n')
                .append("Kustomize Version: ").append(KUSTOMIZE).append('\n');
        if (server != null) {
            ctx.out().append("Server Version: ").append(server.path("gitVersion").asText()).append('\n');
        }
    }

    private static ObjectNode ctxServer(KubectlContext ctx) {
        ctx.api();
        return ServerVersion.server();
    }

    static ObjectNode client() {
        return ServerVersion.info("2025-02-12T21:26:09Z");
    }
}
