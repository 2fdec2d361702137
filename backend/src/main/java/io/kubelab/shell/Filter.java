package io.kubelab.shell;

import java.util.List;

/** A command that reads its standard input (cat, grep, sed, head...): what a pipe feeds it. */
@FunctionalInterface
interface Filter extends Builtin {

    CommandResult filter(Shell shell, List<String> args, String stdin);

    @Override
    default CommandResult run(Shell shell, List<String> args) {
        return filter(shell, args, null);
    }

    @Override
    default CommandResult run(Shell shell, List<String> args, String stdin) {
        return filter(shell, args, stdin);
    }
}
