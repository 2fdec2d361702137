package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/** {@code kubectl create priorityclass NAME --value=N [--global-default] [--description] [--preemption-policy]}. */
final class CreatePriorityClass extends GeneratorCommand {

    @Override
    public String name() {
        return "priorityclass";
    }

    @Override
    public List<String> aliases() {
        return List.of("pc");
    }

    @Override
    public String summary() {
        return "Create a priority class with the specified name";
    }

    @Override
    public String description() {
        return "Create a priority class with the specified name, value, globalDefault and description.";
    }

    @Override
    public String usage() {
        return "kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A priority class for important workloads
                  kubectl create priorityclass high --value=1000 --description="important workloads"

                  # One that never preempts other pods
                  kubectl create priorityclass polite --value=1000 --preemption-policy=Never
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.string("description", "", "", "description is an arbitrary string that usually provides guidelines on when this priority class should be used."))
                .add(Flag.bool("global-default", "", false, "global-default specifies whether this PriorityClass should be considered as the default priority."))
                .add(Flag.string("preemption-policy", "", "PreemptLowerPriority", "preemption-policy is the policy for preempting pods with lower priority."))
                .add(Flag.int32("value", "", 0, "the value of this priority class."));
    }

    @Override
    protected String apiVersion() {
        return "scheduling.k8s.io/v1";
    }

    @Override
    protected String kind() {
        return "PriorityClass";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace) {
        ObjectNode pc = Typed.object(apiVersion(), kind(), name, null);
        pc.put("value", flags.integer("value"));
        if (flags.bool("global-default")) {
            pc.put("globalDefault", true);
        }
        if (!flags.string("description").isEmpty()) {
            pc.put("description", flags.string("description"));
        }
        pc.put("preemptionPolicy", flags.string("preemption-policy"));
        return pc;
    }
}
