package io.kubelab.kubectl;

import io.kubelab.kubectl.annotate.AnnotateCommand;
import io.kubelab.kubectl.apply.ApplyCommand;
import io.kubelab.kubectl.auth.AuthCommand;
import io.kubelab.kubectl.autoscale.AutoscaleCommand;
import io.kubelab.kubectl.clusterinfo.ClusterInfoCommand;
import io.kubelab.kubectl.config.ConfigCommand;
import io.kubelab.kubectl.create.CreateCommand;
import io.kubelab.kubectl.delete.DeleteCommand;
import io.kubelab.kubectl.describe.DescribeCommand;
import io.kubelab.kubectl.drain.CordonCommand;
import io.kubelab.kubectl.drain.DrainCommand;
import io.kubelab.kubectl.edit.EditCommand;
import io.kubelab.kubectl.events.EventsCommand;
import io.kubelab.kubectl.exec.ExecCommand;
import io.kubelab.kubectl.explain.ExplainCommand;
import io.kubelab.kubectl.expose.ExposeCommand;
import io.kubelab.kubectl.get.GetCommand;
import io.kubelab.kubectl.label.LabelCommand;
import io.kubelab.kubectl.logs.LogsCommand;
import io.kubelab.kubectl.patch.PatchCommand;
import io.kubelab.kubectl.portforward.PortForwardCommand;
import io.kubelab.kubectl.replace.ReplaceCommand;
import io.kubelab.kubectl.rollout.RolloutCommand;
import io.kubelab.kubectl.run.RunCommand;
import io.kubelab.kubectl.scale.ScaleCommand;
import io.kubelab.kubectl.set.SetCommand;
import io.kubelab.kubectl.taint.TaintCommand;
import io.kubelab.kubectl.top.TopCommand;
import io.kubelab.kubectl.wait.WaitCommand;

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
                new Group("Basic Commands (Beginner)", List.of(new CreateCommand(), new ExposeCommand(), new RunCommand(),
                        new SetCommand())),
                new Group("Basic Commands (Intermediate)", List.of(new ExplainCommand(), new GetCommand(),
                        new EditCommand(), new DeleteCommand())),
                new Group("Deploy Commands", List.of(new RolloutCommand(), new ScaleCommand(), new AutoscaleCommand())),
                new Group("Cluster Management Commands", List.of(new ClusterInfoCommand(), new TopCommand(),
                        CordonCommand.cordon(), CordonCommand.uncordon(), new DrainCommand(), new TaintCommand())),
                new Group("Troubleshooting and Debugging Commands", List.of(new DescribeCommand(), new LogsCommand(),
                        new ExecCommand(), new PortForwardCommand(), new AuthCommand(), new EventsCommand())),
                new Group("Advanced Commands", List.of(new ApplyCommand(), new PatchCommand(), new ReplaceCommand(),
                        new WaitCommand())),
                new Group("Settings Commands", List.of(new LabelCommand(), new AnnotateCommand())),
                new Group("Other Commands", List.of(new ApiResourcesCommand(), new ApiVersionsCommand(),
                        new ConfigCommand(),
                        new VersionCommand())));
    }

    static List<Command> all(List<Group> groups) {
        List<Command> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.commands()));
        return out;
    }
}
