package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/** {@code kubectl create role NAME --verb=... --resource=...}: a Role with one rule per API group. */
final class CreateRole extends GeneratorCommand {

    @Override
    public String name() {
        return "role";
    }

    @Override
    public String summary() {
        return "Create a role with single rule";
    }

    @Override
    public String description() {
        return "Create a role with single rule.";
    }

    @Override
    public String usage() {
        return "kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A role that may read pods
                  kubectl create role pod-reader --verb=get,list,watch --resource=pods

                  # Reading the logs of pods, and two named deployments only
                  kubectl create role log-reader --verb=get --resource=pods/log
                  kubectl create role web-only --verb=get --resource=deployments.apps --resource-name=web --resource-name=api
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.stringSlice("resource", "", "Resource that the rule applies to"))
                .add(Flag.stringArray("resource-name", "", "Resource in the white list that the rule applies to, repeat this flag for multiple items"))
                .add(Flag.stringSlice("verb", "", "Verb that applies to the resources contained in the rule"));
    }

    @Override
    protected String apiVersion() {
        return "rbac.authorization.k8s.io/v1";
    }

    @Override
    protected String kind() {
        return "Role";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        List<String> verbs = PolicyRules.verbs(flags.strings("verb"));
        List<PolicyRules.Resource> resources = PolicyRules.resources(flags.strings("resource"));
        List<String> resourceNames = PolicyRules.distinct(flags.strings("resource-name"));
        if (verbs.isEmpty()) {
            throw KubectlException.error("at least one verb must be specified");
        }
        PolicyRules.warnVerbs(ctx, verbs);
        if (resources.isEmpty()) {
            throw KubectlException.error("at least one resource must be specified");
        }
        PolicyRules.validate(resources, verbs);
        ObjectNode role = Typed.object(apiVersion(), kind(), name, namespace);
        role.set("rules", PolicyRules.rules(verbs, resources, resourceNames, List.of()));
        return role;
    }
}
