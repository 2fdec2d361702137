package io.kubelab.kubectl.config;

import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.Help;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** A {@code kubectl config} subcommand: works on the kubeconfig file alone. */
abstract class ConfigSub extends Command {

    interface Action {
        void run(KubectlContext ctx, ParsedFlags flags, ConfigSub self) throws KubectlException;
    }

    @Override
    public boolean needsCluster() {
        return false;
    }

    /** A subcommand from its parts, for the small ones. */
    static ConfigSub of(String name, String summary, String usage, String examples, FlagSet flags, Action action) {
        return new ConfigSub() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public String usage() {
                return usage;
            }

            @Override
            public String examples() {
                return examples;
            }

            @Override
            public FlagSet flags() {
                return flags;
            }

            @Override
            public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
                action.run(ctx, flags, this);
            }
        };
    }

    /**
     * kubectl's {@code helpErrorf}: a subcommand given the wrong arguments prints its whole help on stdout,
     * then the error alone (no pointer to the help it has just shown).
     */
    KubectlException helpError(KubectlContext ctx, String message) {
        ctx.out().append(Help.text(ctx.commandPath(), this));
        return KubectlException.error(message);
    }

    KubectlException unexpectedArgs(KubectlContext ctx, ParsedFlags flags) {
        return helpError(ctx, "Unexpected args: " + goList(flags.args()));
    }

    /** Go's {@code %v} of a string slice: {@code [a b c]}. */
    static String goList(java.util.List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }
}
