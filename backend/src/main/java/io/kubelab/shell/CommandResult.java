package io.kubelab.shell;

/**
 * What one command line produced, as a terminal or the automation API's {@code exec} shows it.
 * Streams hold plain text with {@code \n} line ends; the browser terminal turns them into {@code \r\n}.
 */
public record CommandResult(String stdout, String stderr, int exitCode) {

    public static final int COMMAND_NOT_FOUND = 127;

    public CommandResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public static CommandResult ok(String stdout) {
        return new CommandResult(stdout, "", 0);
    }

    public static CommandResult empty() {
        return ok("");
    }

    public static CommandResult failure(String stderr, int exitCode) {
        return new CommandResult("", stderr, exitCode);
    }
}
