package io.kubelab.kubectl.top;

import io.kubelab.kubectl.Command;

import java.util.List;

/** {@code kubectl top}: resource usage from the metrics API (metrics-server). */
public final class TopCommand extends Command {

    @Override
    public String name() {
        return "top";
    }

    @Override
    public String summary() {
        return "Display resource (CPU/memory) usage";
    }

    @Override
    public String description() {
        return "Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for "
                + "nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the "
                + "server.";
    }

    @Override
    public String usage() {
        return "kubectl top [flags] [options]";
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new TopNodeCommand(), new TopPodCommand());
    }
}
