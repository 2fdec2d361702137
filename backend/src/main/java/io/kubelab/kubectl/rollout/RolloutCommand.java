package io.kubelab.kubectl.rollout;

import io.kubelab.kubectl.Command;

import java.util.List;

/** {@code kubectl rollout}: status, history, undo, restart, pause and resume of workloads. */
public final class RolloutCommand extends Command {

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public String summary() {
        return "Manage the rollout of a resource";
    }

    @Override
    public String description() {
        return "Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n"
                + "  *  deployments\n  *  daemonsets\n  *  statefulsets";
    }

    @Override
    public String usage() {
        return "kubectl rollout SUBCOMMAND [options]";
    }

    @Override
    public String examples() {
        return """
                  # Roll back to the previous deployment
                  kubectl rollout undo deployment/abc

                  # Check the rollout status of a daemonset
                  kubectl rollout status daemonset/foo

                  # Restart a deployment
                  kubectl rollout restart deployment/abc

                  # Restart deployments with the 'app=nginx' label
                  kubectl rollout restart deployment --selector=app=nginx""";
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new HistoryCommand(), new PauseCommand(), new RestartCommand(), new ResumeCommand(),
                new StatusCommand(), new UndoCommand());
    }
}
