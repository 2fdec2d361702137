package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/** {@code kubectl create clusterrolebinding NAME --clusterrole=...} with users, groups, service accounts. */
final class CreateClusterRoleBinding extends GeneratorCommand {

    @Override
    public String name() {
        return "clusterrolebinding";
    }

    @Override
    public String summary() {
        return "Create a cluster role binding for a particular cluster role";
    }

    @Override
    public String description() {
        return "Create a cluster role binding for a particular cluster role.";
    }

    @Override
    public String usage() {
        return "kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Make the user alice a cluster administrator
                  kubectl create clusterrolebinding alice-admin --clusterrole=cluster-admin --user=alice
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return Subjects.flags(new FlagSet()
                .add(Flag.string("clusterrole", "", "", "ClusterRole this ClusterRoleBinding should reference")),
                "clusterrole");
    }

    @Override
    protected List<String> requiredFlags() {
        return List.of("clusterrole");
    }

    @Override
    protected String apiVersion() {
        return "rbac.authorization.k8s.io/v1";
    }

    @Override
    protected String kind() {
        return "ClusterRoleBinding";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        ObjectNode binding = Typed.object(apiVersion(), kind(), name, null);
        ArrayNode subjects = Subjects.of(flags);
        if (subjects != null) {
            binding.set("subjects", subjects);
        }
        binding.set("roleRef", Subjects.roleRef("ClusterRole", flags.string("clusterrole")));
        return binding;
    }
}
