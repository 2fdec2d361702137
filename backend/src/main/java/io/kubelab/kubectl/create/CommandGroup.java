package io.kubelab.kubectl.create;

import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.Help;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/**
 * A command that only groups subcommands ({@code create service}, {@code create secret}): run bare it
 * prints its help on stderr and fails, as kubectl's {@code DefaultSubCommandRun} does.
 */
final class CommandGroup extends Command {

    private final String name;
    private final List<String> aliases;
    private final String summary;
    private final String description;
    private final String usage;
    private final List<Command> subcommands;

    CommandGroup(String name, List<String> aliases, String summary, String description, String usage,
                 List<? extends Command> subcommands) {
        this.name = name;
        this.aliases = aliases;
        this.summary = summary;
        this.description = description;
        this.usage = usage;
        this.subcommands = List.copyOf(subcommands);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String usage() {
        return usage;
    }

    @Override
    public List<Command> subcommands() {
        return subcommands;
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!flags.args().isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "unknown command \"" + flags.args().get(0) + "\"");
        }
        ctx.err().append(Help.text(ctx.commandPath(), this));
        throw new KubectlException("", 1);
    }

    static CommandGroup service() {
        return new CommandGroup("service", List.of("svc"), "Create a service using a specified subcommand",
                "Create a service using a specified subcommand.", "kubectl create service [flags] [options]",
                CreateServiceType.all());
    }

    static CommandGroup secret() {
        return new CommandGroup("secret", List.of(), "Create a secret using a specified subcommand",
                "Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container "
                        + "registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds "
                        + "TLS certificate and its associated key.",
                "kubectl create secret (docker-registry | generic | tls) [options]",
                List.of(new CreateSecretDockerRegistry(), new CreateSecretGeneric(), new CreateSecretTls()));
    }
}
