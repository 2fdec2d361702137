package io.kubelab.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellTest {

    private final Shell shell = new Shell();

    @Test
    void unknownCommandIsReportedAsBashDoes() {
        assertEquals(new CommandResult("", "bash: foo: command not found\n", 127), shell.execute("foo"));
        assertEquals(new CommandResult("", "bash: kubect: command not found\n", 127),
                shell.execute("  kubect get pods  "));
    }

    @Test
    void quotedCommandNameKeepsItsSpaces() {
        assertEquals("bash: my cmd: command not found\n", shell.execute("'my cmd' x").stderr());
    }

    @Test
    void blankLinesAndCommentsDoNothingAndAreNotFailures() {
        assertEquals(CommandResult.empty(), shell.execute(""));
        assertEquals(CommandResult.empty(), shell.execute("   "));
        assertEquals(CommandResult.empty(), shell.execute("# just a note"));
    }

    @Test
    void helpListsEveryCommand() {
        CommandResult help = shell.execute("help");
        assertEquals(0, help.exitCode());
        assertEquals("", help.stderr());
        for (String name : new String[]{"clear", "help", "history"}) {
            assertTrue(help.stdout().contains("\n  " + name + " "), () -> name + " missing from:\n" + help.stdout());
        }
    }

    @Test
    void clearErasesScreenAndScrollback() {
        assertEquals(CommandResult.ok("\u001b[H\u001b[2J\u001b[3J"), shell.execute("clear"));
    }

    @Test
    void historyNumbersLinesLikeBash() {
        shell.execute("help");
        shell.execute("");
        shell.execute("foo");
        assertEquals("    1  help\n    2  foo\n    3  history\n", shell.execute("history").stdout());
    }

    @Test
    void historyKeepsTheNewestLinesAndTheirNumbers() {
        for (int i = 1; i <= Shell.HISTORY_SIZE + 5; i++) {
            shell.execute("cmd" + i);
        }
        assertEquals(Shell.HISTORY_SIZE, shell.history().size());
        assertEquals("cmd6", shell.history().get(0));
        String out = shell.execute("history").stdout();
        assertTrue(out.startsWith("    7  cmd7\n"), out.substring(0, 40));
        assertTrue(out.endsWith(" 1006  history\n"));
    }

    @Test
    void unterminatedQuoteIsASyntaxError() {
        CommandResult r = shell.execute("echo 'oops");
        assertEquals(2, r.exitCode());
        assertEquals("bash: unexpected EOF while looking for matching `''\n", r.stderr());
    }
}
