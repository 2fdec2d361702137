package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubectl create clusterrole NAME}: a role's rule plus {@code --non-resource-url}, or an aggregated
 * role ({@code --aggregation-rule=key=value,...}, no rules of its own).
 */
final class CreateClusterRole extends GeneratorCommand {

    private static final String AGGREGATION_RULE = "aggregation-rule";

    @Override
    public String name() {
        return "clusterrole";
    }

    @Override
    public String summary() {
        return "Create a cluster role";
    }

    @Override
    public String description() {
        return "Create a cluster role.";
    }

    @Override
    public String usage() {
        return "kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A cluster role that may read nodes
                  kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes

                  # Access to a non-resource URL
                  kubectl create clusterrole health --verb=get --non-resource-url=/healthz

                  # A role that gathers the rules of the roles labelled for it
                  kubectl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.string(AGGREGATION_RULE, "", "", "An aggregation label selector for combining ClusterRoles."))
                .add(Flag.stringSlice("non-resource-url", "", "A partial url that user should have access to."))
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
        return "ClusterRole";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        Map<String, String> aggregation = aggregationRule(ctx, flags);
        List<String> verbs = PolicyRules.verbs(flags.strings("verb"));
        List<PolicyRules.Resource> resources = PolicyRules.resources(flags.strings("resource"));
        List<String> resourceNames = PolicyRules.distinct(flags.strings("resource-name"));
        List<String> urls = flags.strings("non-resource-url");
        ObjectNode role = Typed.object(apiVersion(), kind(), name, null);
        if (!aggregation.isEmpty()) {
            if (!urls.isEmpty() || !verbs.isEmpty() || !resources.isEmpty() || !resourceNames.isEmpty()) {
                throw KubectlException.error("aggregation rule must be specified without nonResourceURLs, verbs, "
                        + "resources or resourceNames");
            }
            role.putNull("rules");
            ObjectNode labels = role.putObject("aggregationRule").putArray("clusterRoleSelectors").addObject()
                    .putObject("matchLabels");
            aggregation.forEach(labels::put);
            return role;
        }
        if (verbs.isEmpty()) {
            throw KubectlException.error("at least one verb must be specified");
        }
        if (resources.isEmpty() && urls.isEmpty()) {
            throw KubectlException.error("one of resource or nonResourceURL must be specified");
        }
        if (!resources.isEmpty()) {
            PolicyRules.warnVerbs(ctx, verbs);
            PolicyRules.validate(resources, verbs);
        }
        for (String verb : urls.isEmpty() ? List.<String>of() : verbs) {
            if (!PolicyRules.NON_RESOURCE_VERBS.contains(verb)) {
                throw KubectlException.error("invalid verb: '" + verb + "' for nonResourceURL");
            }
        }
        for (String url : urls) {
            if (url.equals("*")) {
                continue;
            }
            if (!url.startsWith("/")) {
                throw KubectlException.error("nonResourceURL should start with /");
            }
            if (url.substring(0, url.length() - 1).contains("*")) {
                throw KubectlException.error("nonResourceURL only supports wildcard matches when '*' is at the end");
            }
        }
        role.set("rules", PolicyRules.rules(verbs, resources, resourceNames, urls));
        return role;
    }

    /** pflag's {@code mapStringString}: {@code k=v,k2=v2}, a pair without {@code =} refused as pflag does. */
    private static Map<String, String> aggregationRule(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        Map<String, String> out = new TreeMap<>();
        String value = flags.string(AGGREGATION_RULE);
        if (value.isEmpty()) {
            return out;
        }
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw KubectlException.usage(ctx.commandPath(), "invalid argument \"" + value + "\" for \"--"
                        + AGGREGATION_RULE + "\" flag: malformed pair, expect string=string");
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }
}
