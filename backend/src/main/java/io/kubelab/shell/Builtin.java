package io.kubelab.shell;

import java.util.List;

/** A command the shell answers itself. {@code args} holds the words after the command name. */
@FunctionalInterface
public interface Builtin {
    CommandResult run(Shell shell, List<String> args);

    /** The command with what a pipe, a redirection or a heredoc feeds it; most commands read nothing. */
    default CommandResult run(Shell shell, List<String> args, String stdin) {
        return run(shell, args);
    }
}
