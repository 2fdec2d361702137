package io.kubelab.kubectl;

/**
 * Ends a kubectl command with text on stderr (already in kubectl's words, e.g. {@code error: ...} or
 * {@code Error from server (NotFound): ...}) and an exit code, as kubectl's {@code CheckErr} does.
 */
public final class KubectlException extends Exception {

    private final int exitCode;

    public KubectlException(String stderr, int exitCode) {
        super(stderr, null, false, false);
        this.exitCode = exitCode;
    }

    /** {@code error: <message>}, exit 1: kubectl's plain failure. */
    public static KubectlException error(String message) {
        return new KubectlException("error: " + message + "\n", 1);
    }

    /** A usage error: the message and kubectl's pointer to the command's help. */
    public static KubectlException usage(String commandPath, String message) {
        return new KubectlException("error: " + message + "\nSee '" + commandPath + " --help' for usage.\n", 1);
    }

    /** kubectl's {@code UsageErrorf}: the message and a pointer to {@code -h}. */
    public static KubectlException usageHelp(String commandPath, String message) {
        return new KubectlException("error: " + message + "\nSee '" + commandPath + " -h' for help and examples\n", 1);
    }

    public String stderr() {
        return getMessage();
    }

    public int exitCode() {
        return exitCode;
    }
}
