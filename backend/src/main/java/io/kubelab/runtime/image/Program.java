package io.kubelab.runtime.image;

/** What an image runs: its entrypoint and default command, and how its processes behave. */
public interface Program {

    /**
     * Starts one container instance. {@code start.command()} and {@code start.args()} override the image's
     * entrypoint and command as Kubernetes defines it (command replaces ENTRYPOINT and drops CMD; args
     * alone replace CMD).
     */
    Process start(ContainerStart start);
}
