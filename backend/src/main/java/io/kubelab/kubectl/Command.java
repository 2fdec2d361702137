package io.kubelab.kubectl;

import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/**
 * One kubectl command or subcommand, as cobra describes it: its name and aliases, its help text, its
 * own flags (the global ones come from the root), its subcommands, and what it does.
 */
public abstract class Command {

    public abstract String name();

    public List<String> aliases() {
        return List.of();
    }

    /** The one line {@code kubectl --help} lists the command with. */
    public abstract String summary();

    /** What follows {@code Usage:}, e.g. {@code kubectl get [(-o|--output=)...] TYPE [NAME] [flags] [options]}. */
    public abstract String usage();

    /** The help's first paragraphs; the summary unless the command says more. */
    public String description() {
        return summary();
    }

    /** Help's Examples section, lines already indented by two spaces; empty for none. */
    public String examples() {
        return "";
    }

    /** The command's own flags, in the order help lists them (help sorts them by name anyway). */
    public FlagSet flags() {
        return new FlagSet();
    }

    /**
     * Whether the command works on the cluster. Those that only read or edit the kubeconfig (config) skip
     * kubectl's checks of the current context, as kubectl does.
     */
    public boolean needsCluster() {
        return true;
    }

    public List<Command> subcommands() {
        return List.of();
    }

    /**
     * Runs the command with its parsed flags, writing to {@code ctx.out()}/{@code ctx.err()}. A command
     * with subcommands and no work of its own prints its help, or refuses a word that names none of them,
     * as kubectl's parent commands do.
     */
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!subcommands().isEmpty() && !flags.args().isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "unknown command \"" + flags.args().get(0) + "\"");
        }
        ctx.out().append(Help.text(ctx.commandPath(), this));
    }
}
