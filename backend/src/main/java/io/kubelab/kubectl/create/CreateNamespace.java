package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/** {@code kubectl create namespace NAME}. */
final class CreateNamespace extends GeneratorCommand {

    @Override
    public String name() {
        return "namespace";
    }

    @Override
    public List<String> aliases() {
        return List.of("ns");
    }

    @Override
    public String summary() {
        return "Create a namespace with the specified name";
    }

    @Override
    public String description() {
        return "Create a namespace with the specified name.";
    }

    @Override
    public String usage() {
        return "kubectl create namespace NAME [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return "  # A namespace for the team's work\n  kubectl create namespace team\n";
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet();
    }

    @Override
    protected String apiVersion() {
        return "v1";
    }

    @Override
    protected String kind() {
        return "Namespace";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace) {
        ObjectNode ns = Typed.object(apiVersion(), kind(), name, null);
        ns.putObject("spec");
        ns.putObject("status");
        return ns;
    }
}
