package io.kubelab.kubectl.config;

import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** A {@code kubectl config} subcommand: works on the kubeconfig file alone. */
abstract class ConfigSub extends Command {

    interface Action {
        void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException;
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
                action.run(ctx, flags);
            }
        };
    }

    /** kubectl's complaint when a subcommand gets the wrong number of arguments. */
    static KubectlException args(KubectlContext ctx, int wanted, ParsedFlags flags) {
        return KubectlException.usageHelp(ctx.commandPath(), "Unexpected args: " + flags.args());
    }
}
