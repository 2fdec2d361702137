package io.kubelab.shell;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs table rows whose expected text came from real bash and GNU coreutils: each row in a fresh shell,
 * in a working directory holding the same few files the bash run had.
 */
final class BashCases {

    /** One line and what bash printed for it. */
    record Case(String line, String stdout, String stderr, int exit) {
    }

    /** The files every row starts with (the bash runs made them with printf, touch and mkdir). */
    static final String SETUP = "mkdir -p /tmp/w/dir/sub && cd /tmp/w && touch dir/one.yaml dir/two.yaml\n"
            + "cat > fruits.txt <<'X'\napple 3\nbanana 10\ncherry 7\napple 1\nX\n"
            + "echo x > a.log; echo y > b.log";

    private BashCases() {
    }

    static Shell prepared() {
        Shell shell = new Shell();
        CommandResult setup = shell.execute(SETUP);
        assertEquals(new CommandResult("", "", 0), setup, "setup");
        return shell;
    }

    static void check(List<Case> cases) {
        for (Case c : cases) {
            CommandResult result = prepared().execute(c.line());
            assertEquals(c.stdout(), result.stdout(), () -> "stdout of: " + c.line());
            assertEquals(c.stderr(), result.stderr(), () -> "stderr of: " + c.line());
            assertEquals(c.exit(), result.exitCode(), () -> "exit code of: " + c.line());
        }
    }
}
