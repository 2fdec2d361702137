package io.kubelab.kubectl.set;

import io.kubelab.kubectl.Command;

import java.util.List;

/** {@code kubectl set}: the parent of the commands that change one aspect of existing objects. */
public final class SetCommand extends Command {

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String summary() {
        return "Set specific features on objects";
    }

    @Override
    public String usage() {
        return "kubectl set SUBCOMMAND [options]";
    }

    @Override
    public String description() {
        return """
                Configure application resources.

                 These commands help you make changes to existing application resources.""";
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new SetEnvCommand(), new SetImageCommand(), new SetResourcesCommand(),
                new SetSelectorCommand(), new SetServiceAccountCommand());
    }
}
