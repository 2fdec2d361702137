package io.kubelab.kubectl;

import io.kubelab.kubectl.annotate.AnnotateCommand;
import io.kubelab.kubectl.autoscale.AutoscaleCommand;
import io.kubelab.kubectl.delete.DeleteCommand;
import io.kubelab.kubectl.drain.CordonCommand;
import io.kubelab.kubectl.drain.DrainCommand;
import io.kubelab.kubectl.edit.EditCommand;
import io.kubelab.kubectl.label.LabelCommand;
import io.kubelab.kubectl.scale.ScaleCommand;
import io.kubelab.kubectl.set.SetCommand;
import io.kubelab.kubectl.taint.TaintCommand;
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
                new Group("Basic Commands (Beginner)", List.of(new SetCommand())),
                new Group("Basic Commands (Intermediate)", List.of(new EditCommand(), new DeleteCommand())),
                new Group("Deploy Commands", List.of(new ScaleCommand(), new AutoscaleCommand())),
                new Group("Cluster Management Commands", List.of(CordonCommand.cordon(), CordonCommand.uncordon(),
                        new DrainCommand(), new TaintCommand())),
                new Group("Troubleshooting and Debugging Commands", List.of()),
                new Group("Advanced Commands", List.of(new WaitCommand())),
                new Group("Settings Commands", List.of(new LabelCommand(), new AnnotateCommand())),
                new Group("Other Commands", List.of(new ApiResourcesCommand(), new ApiVersionsCommand(),
                        new VersionCommand())));
    }

    static List<Command> all(List<Group> groups) {
        List<Command> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.commands()));
        return out;
    }
}
