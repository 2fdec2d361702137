package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.Quantity;

import java.util.List;
import java.util.TreeMap;

/** {@code kubectl create quota NAME --hard=resource=quantity,... --scopes=Scope,...}. */
final class CreateQuota extends GeneratorCommand {

    @Override
    public String name() {
        return "quota";
    }

    @Override
    public List<String> aliases() {
        return List.of("resourcequota");
    }

    @Override
    public String summary() {
        return "Create a quota with the specified name";
    }

    @Override
    public String description() {
        return "Create a resource quota with the specified name, hard limits, and optional scopes.";
    }

    @Override
    public String usage() {
        return "kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # At most 10 pods, 2 CPUs and 4Gi of memory requested in this namespace
                  kubectl create quota team --hard=pods=10,requests.cpu=2,requests.memory=4Gi

                  # A quota counting only best-effort pods
                  kubectl create quota best-effort --hard=pods=5 --scopes=BestEffort
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.string("hard", "", "", "A comma-delimited set of resource=quantity pairs that define a hard limit."))
                .add(Flag.string("scopes", "", "", "A comma-delimited set of quota scopes that must all match each object tracked by the quota."));
    }

    @Override
    protected String apiVersion() {
        return "v1";
    }

    @Override
    protected String kind() {
        return "ResourceQuota";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        ObjectNode quota = Typed.object(apiVersion(), kind(), name, namespace);
        ObjectNode spec = quota.putObject("spec");
        String hard = flags.string("hard");
        if (!hard.isEmpty()) {
            TreeMap<String, String> limits = new TreeMap<>();
            for (String statement : hard.split(",", -1)) {
                String[] parts = statement.split("=", -1);
                if (parts.length != 2) {
                    throw KubectlException.error("Invalid argument syntax " + statement
                            + ", expected <resource>=<value>");
                }
                try {
                    limits.put(parts[0], Quantity.parse(parts[1]).canonical());
                } catch (IllegalArgumentException e) {
                    throw KubectlException.error(e.getMessage());
                }
            }
            ObjectNode hardNode = spec.putObject("hard");
            limits.forEach(hardNode::put);
        }
        String scopes = flags.string("scopes");
        if (!scopes.isEmpty()) {
            spec.set("scopes", Typed.strings(List.of(scopes.split(",", -1))));
        }
        quota.putObject("status");
        return quota;
    }
}
