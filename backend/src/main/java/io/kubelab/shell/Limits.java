package io.kubelab.shell;

/**
 * What one sandbox's shell may consume, so nothing a student types can hold a worker thread or its memory:
 * bash has none of these limits, and each one fails with a message that names it.
 */
final class Limits {

    /** The longest text {@code execute} takes at once (a pasted manifest in a heredoc fits easily). */
    static final int MAX_INPUT_CHARS = 1 << 20;
    /** The most output one stream of one command, or one line, may hold. */
    static final int MAX_OUTPUT_CHARS = 4 << 20;
    /** Commands one typed line may run, loops, {@code xargs} and {@code watch} frames included. */
    static final int MAX_COMMANDS = 100_000;
    /** How deep {@code $(...)}, {@code source} and {@code xargs} may run commands inside commands. */
    static final int MAX_DEPTH = 32;

    static final String TRUNCATED = "bash: output truncated: more than " + MAX_OUTPUT_CHARS + " characters\n";

    private Limits() {
    }

    /** Appends what fits under {@link #MAX_OUTPUT_CHARS}. */
    static void append(StringBuilder to, String text) {
        if (to.length() + text.length() <= MAX_OUTPUT_CHARS) {
            to.append(text);
        } else if (to.length() < MAX_OUTPUT_CHARS) {
            to.append(text, 0, MAX_OUTPUT_CHARS - to.length());
        }
    }

    /** The result cut to the output limit, saying so on stderr. */
    static CommandResult capped(CommandResult r) {
        if (r.stdout().length() <= MAX_OUTPUT_CHARS && r.stderr().length() <= MAX_OUTPUT_CHARS) {
            return r;
        }
        String out = r.stdout().length() > MAX_OUTPUT_CHARS ? r.stdout().substring(0, MAX_OUTPUT_CHARS) : r.stdout();
        String err = r.stderr().length() > MAX_OUTPUT_CHARS ? r.stderr().substring(0, MAX_OUTPUT_CHARS) : r.stderr();
        return new CommandResult(out, err + TRUNCATED, r.exitCode() == 0 ? 1 : r.exitCode());
    }
}
