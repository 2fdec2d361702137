package io.kubelab.kubectl.config;

import io.kubelab.kubectl.Command;

import java.util.List;

/** {@code kubectl config}: reads and edits the kubeconfig file; none of it needs the cluster. */
public final class ConfigCommand extends Command {

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String summary() {
        return "Modify kubeconfig files";
    }

    @Override
    public String description() {
        return "Modify kubeconfig files using subcommands like \"kubectl config set current-context my-context\".\n\n"
                + " The loading order follows these rules:\n\n"
                + "  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once "
                + "and no merging takes place.\n"
                + "  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path "
                + "delimiting rules for your system). These paths are merged. When a value is modified, it is modified "
                + "in the file that defines the stanza. When a value is created, it is created in the first file that "
                + "exists. If no files in the chain exist, then it creates the last file in the list.\n"
                + "  3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.";
    }

    @Override
    public String usage() {
        return "kubectl config SUBCOMMAND [options]";
    }

    @Override
    public boolean needsCluster() {
        return false;
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new CurrentContextCommand(), EntryCommands.deleteCluster(), EntryCommands.deleteContext(),
                EntryCommands.deleteUser(), EntryCommands.getClusters(), new GetContextsCommand(),
                EntryCommands.getUsers(), EntryCommands.renameContext(), PropertyCommands.set(),
                EntryCommands.setCluster(), new SetContextCommand(), EntryCommands.setCredentials(),
                PropertyCommands.unset(), new UseContextCommand(), new ViewCommand());
    }
}
