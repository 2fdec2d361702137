package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** {@code kubectl create rolebinding NAME --role=...|--clusterrole=...} with users, groups, service accounts. */
final class CreateRoleBinding extends GeneratorCommand {

    @Override
    public String name() {
        return "rolebinding";
    }

    @Override
    public String summary() {
        return "Create a role binding for a particular role or cluster role";
    }

    @Override
    public String description() {
        return "Create a role binding for a particular role or cluster role.";
    }

    @Override
    public String usage() {
        return "kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Give the user alice the role pod-reader in this namespace
                  kubectl create rolebinding alice-reads-pods --role=pod-reader --user=alice

                  # Give a service account the cluster role view, in this namespace only
                  kubectl create rolebinding robot-view --clusterrole=view --serviceaccount=default:robot
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return Subjects.flags(new FlagSet()
                .add(Flag.string("clusterrole", "", "", "ClusterRole this RoleBinding should reference"))
                .add(Flag.string("role", "", "", "Role this RoleBinding should reference")), "role");
    }

    @Override
    protected String apiVersion() {
        return "rbac.authorization.k8s.io/v1";
    }

    @Override
    protected String kind() {
        return "RoleBinding";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        String role = flags.string("role");
        String clusterRole = flags.string("clusterrole");
        if (role.isEmpty() == clusterRole.isEmpty()) {
            throw KubectlException.error("exactly one of clusterrole or role must be specified");
        }
        ObjectNode binding = Typed.object(apiVersion(), kind(), name, namespace);
        ArrayNode subjects = Subjects.of(flags);
        if (subjects != null) {
            binding.set("subjects", subjects);
        }
        binding.set("roleRef", role.isEmpty() ? Subjects.roleRef("ClusterRole", clusterRole)
                : Subjects.roleRef("Role", role));
        return binding;
    }
}
