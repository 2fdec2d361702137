package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/** {@code kubectl create serviceaccount NAME}. */
final class CreateServiceAccount extends GeneratorCommand {

    @Override
    public String name() {
        return "serviceaccount";
    }

    @Override
    public List<String> aliases() {
        return List.of("sa");
    }

    @Override
    public String summary() {
        return "Create a service account with the specified name";
    }

    @Override
    public String description() {
        return "Create a service account with the specified name.";
    }

    @Override
    public String usage() {
        return "kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return "  # A service account for a build robot\n  kubectl create serviceaccount robot\n";
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
        return "ServiceAccount";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace) {
        return Typed.object(apiVersion(), kind(), name, namespace);
    }
}
