package io.kubelab.runtime.image.shell;

/** A program the shell cannot parse; the message is the part after the shell's own prefix. */
public final class ShellSyntaxError extends RuntimeException {

    /** The token the parser did not expect, or null for an unterminated quote or bracket. */
    private final String unexpected;

    ShellSyntaxError(String message) {
        super(message);
        this.unexpected = null;
    }

    static ShellSyntaxError unexpected(String token) {
        return new ShellSyntaxError(token, true);
    }

    private ShellSyntaxError(String token, boolean marker) {
        super("unexpected " + token);
        this.unexpected = token;
    }

    /** The error line as busybox ash, dash or bash print it. */
    public String render(String shell, io.kubelab.runtime.image.container.Flavour flavour) {
        boolean eof = unexpected == null || unexpected.equals("end of file");
        switch (flavour) {
            case DEBIAN -> {
                if (shell.equals("bash")) {
                    return eof ? "bash: -c: line 2: syntax error: unexpected end of file"
                            : "bash: -c: line 1: syntax error near unexpected token `" + unexpected + "'";
                }
                return eof ? "sh: 1: Syntax error: end of file unexpected"
                        : "sh: 1: Syntax error: \"" + unexpected + "\" unexpected";
            }
            case REDHAT -> {
                return eof ? shell + ": -c: line 2: syntax error: unexpected end of file"
                        : shell + ": -c: line 1: syntax error near unexpected token `" + unexpected + "'";
            }
            default -> {
                return unexpected == null ? "sh: syntax error: " + getMessage()
                        : "sh: syntax error: unexpected \"" + unexpected + "\"";
            }
        }
    }
}
