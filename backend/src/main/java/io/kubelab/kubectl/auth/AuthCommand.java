package io.kubelab.kubectl.auth;

import io.kubelab.kubectl.Command;

import java.util.List;

/** {@code kubectl auth}: can-i and whoami, answered by the API server's review APIs. */
public final class AuthCommand extends Command {

    @Override
    public String name() {
        return "auth";
    }

    @Override
    public String summary() {
        return "Inspect authorization";
    }

    @Override
    public String usage() {
        return "kubectl auth [flags] [options]";
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new CanICommand(), new WhoAmICommand());
    }
}
