package io.kubelab.shell;

/**
 * What one command line produced, as a terminal or the automation API's {@code exec} shows it.
 * Streams hold plain text with {@code \n} line ends; the browser terminal turns them into {@code \r\n}.
 * {@code editPath}, when not null, is the file {@code vi}, {@code vim} or {@code nano} asked to edit: the
 * browser terminal opens its editor there (and drops the no-terminal warning in {@code stderr}).
 */
public record CommandResult(String stdout, String stderr, int exitCode, String editPath) {

    public static final int COMMAND_NOT_FOUND = 127;

    public CommandResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public CommandResult(String stdout, String stderr, int exitCode) {
        this(stdout, stderr, exitCode, null);
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

    /** An editor asked for {@code path}: without a terminal it fails with {@code warning}. */
    public static CommandResult editor(String path, String warning) {
        return new CommandResult("", warning, 1, path);
    }
}
