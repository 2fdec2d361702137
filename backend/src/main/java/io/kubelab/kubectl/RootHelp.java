package io.kubelab.kubectl;

import java.util.List;

/** {@code kubectl} and {@code kubectl --help}: the commands in kubectl's groups. */
final class RootHelp {

    private RootHelp() {
    }

    static String text(List<Commands.Group> groups) {
        return "kubectl controls the Kubernetes cluster manager.\n\n"
                + " Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n" + usage(groups);
    }

    /** The command groups and usage lines: what {@code kubectl help} prints for a topic it does not know. */
    static String usage(List<Commands.Group> groups) {
        StringBuilder out = new StringBuilder();
        for (Commands.Group group : groups) {
            if (group.commands().isEmpty()) {
                continue;
            }
            out.append(group.title()).append(":\n");
            for (Command c : group.commands()) {
                out.append("  ").append(c.name()).append(" ".repeat(Math.max(1, 16 - c.name().length())))
                        .append(c.summary()).append('\n');
            }
            out.append('\n');
        }
        out.append("Usage:\n  kubectl [flags] [options]\n\n")
                .append("Use \"kubectl <command> --help\" for more information about a given command.\n")
                .append("Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n");
        return out.toString();
    }
}
