package io.kubelab.kubectl;

import java.util.ArrayList;
import java.util.List;

/**
 * Every kubectl command we have, in kubectl's groups and order: {@code kubectl --help} lists them so,
 * and cobra's "Did you mean this?" suggestions follow this order too.
 */
final class Commands {

    record Group(String title, List<Command> commands) {
    }

    private Commands() {
    }

    static List<Group> groups() {
        return List.of(
                new Group("Basic Commands (Beginner)", List.of()),
                new Group("Basic Commands (Intermediate)", List.of(new io.kubelab.kubectl.explain.ExplainCommand(),
                        new io.kubelab.kubectl.get.GetCommand())),
                new Group("Deploy Commands", List.of(new io.kubelab.kubectl.rollout.RolloutCommand())),
                new Group("Cluster Management Commands", List.of(
                        new io.kubelab.kubectl.clusterinfo.ClusterInfoCommand(), new io.kubelab.kubectl.top.TopCommand())),
                new Group("Troubleshooting and Debugging Commands", List.of(
                        new io.kubelab.kubectl.describe.DescribeCommand(), new io.kubelab.kubectl.logs.LogsCommand(),
                        new io.kubelab.kubectl.exec.ExecCommand(), new io.kubelab.kubectl.portforward.PortForwardCommand(),
                        new io.kubelab.kubectl.auth.AuthCommand(), new io.kubelab.kubectl.events.EventsCommand())),
                new Group("Advanced Commands", List.of()),
                new Group("Settings Commands", List.of()),
                new Group("Other Commands", List.of(new ApiResourcesCommand(), new ApiVersionsCommand(),
                        new io.kubelab.kubectl.config.ConfigCommand(),
                        new VersionCommand())));
    }

    static List<Command> all(List<Group> groups) {
        List<Command> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.commands()));
        return out;
    }
}
