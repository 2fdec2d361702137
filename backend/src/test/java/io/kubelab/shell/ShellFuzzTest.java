package io.kubelab.shell;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and hostile lines thrown at one shell: none may throw, each gets an exit code, none may take long,
 * and the shell still answers afterwards. Also prints (does not assert) what a 20-stage pipeline costs.
 */
class ShellFuzzTest {

    /** Generous: a slow CI machine shared by several builds; a hang would take far longer. */
    private static final long MAX_MILLIS_PER_LINE = 5_000;

    private static final String[] FRAGMENTS = {
        "echo", "cat", "grep", "sed", "awk", "jq", "sort", "uniq -c", "wc -l", "cut -d: -f1", "tr a-z A-Z", "head -n",
        "tail -n +2", "xargs", "printf", "base64", "base64 -d", "seq", "alias", "unalias", "export", "source", ".",
        "unset", "test", "[", "]", "ls -la", "find", "diff", "cp", "mv", "rm -rf", "mkdir -p", "touch", "watch",
        "sleep", "date", "true", "false", "!", "|", "||", "&&", ";", "&", ">", ">>", "<", "2>", "2>&1", "<<EOF",
        "<<<", "EOF", "'", "\"", "`", "$(", ")", "${", "}", "$((", "))", "$?", "$HOME", "~", "*", "?", "[a-z]",
        "{a,b}", "{1..3}", "\\", "#", "=", "x=1", "a b", "-n", "-e", "-i", "'s/a/b/g'", "'{print $1}'", "'.items[]'",
        "'(a*)*b'", "/tmp/f", "f", "\u0000", "\u0007", "\u00ff", "\uffff", "\t", "\n", "((", "\"$(echo", "%s%d%q",
    };

    @Test
    void hostileLinesNeverBreakTheShell() {
        Shell shell = new Shell();
        shell.execute("echo 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac' > /tmp/f");
        List<String> lines = new ArrayList<>(List.of(
                "echo 'unbalanced", "echo \"unbalanced", "echo $(echo (", "echo `echo", "echo ${", "echo $((1+",
                "cat <<EOF\n" + "x".repeat(200_000) + "\nEOF",
                "cat <<EOF\n" + "line\n".repeat(300_000) + "EOF",
                "echo " + "$(echo ".repeat(500) + "x" + ")".repeat(500),
                "echo \"" + "$(echo \"".repeat(200) + "x" + "\")".repeat(200) + "\"",
                "echo $((" + "(".repeat(5000) + "1" + ")".repeat(5000) + "))",
                "echo $((" + "-".repeat(5000) + "1))",
                "grep -E '(a*)*b' /tmp/f", "grep -E '(x+x+)+y' /tmp/f", "sed -E 's/(a|aa)*c/X/' /tmp/f",
                "awk '/(a*)*b/' /tmp/f", "grep '\\(a*\\)*\\1' /tmp/f",
                "seq 1 100000000 | wc -l", "echo {1..100000000}", "echo " + "{a,b}".repeat(30),
                "alias a='a a'\na", "alias x=y y=x\nx", "echo 'source /tmp/s' > /tmp/s; source /tmp/s",
                "seq 1 200000 | xargs -n 1 true", "awk 'BEGIN { while (1) x++ }'", "jq -n '[range(1e9)]'",
                "jq -n '" + "[".repeat(5000) + "]".repeat(5000) + "'",
                "echo '" + "[".repeat(5000) + "]".repeat(5000) + "' | jq .",
                "jq -n '" + "{a:".repeat(3000) + "1" + "}".repeat(3000) + "'",
                "awk '" + "{".repeat(3000) + "}".repeat(3000) + "'",
                "watch watch watch watch watch watch watch watch watch watch watch watch watch watch watch watch "
                        + "watch watch watch watch watch watch watch watch watch watch watch watch watch watch watch "
                        + "watch watch watch echo hi",
                "printf '%s\\n' {1..5000} | sort -n | uniq -c | tail -1", "x".repeat(2_000_000),
                "echo \u0000\u0001\u0002 | base64 | base64 -d | od", "sleep 99999999", "cd /; ls -R / | wc -l",
                "echo ok > /dev/null; yes", "diff /tmp/f /tmp/f", "echo " + "{".repeat(3000) + "a,b" + "}".repeat(3000)));
        Random random = new Random(20261125);
        for (int i = 0; i < 3000; i++) {
            StringBuilder line = new StringBuilder();
            int words = 1 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                line.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            lines.add(line.toString());
        }
        for (String line : lines) {
            long start = System.nanoTime();
            CommandResult r = shell.execute(line);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
            assertTrue(r.exitCode() >= 0 && r.exitCode() <= 255, () -> "exit code of " + shown);
            assertTrue(!r.stderr().contains("internal error"), () -> shown + " -> " + r.stderr());
            assertTrue(millis < MAX_MILLIS_PER_LINE, () -> shown + " took " + millis + " ms");
            if (millis > 300) {
                System.out.println("slow line (" + millis + " ms): " + shown.replace("\n", "\\n"));
            }
        }
        // The shell may be anywhere after cd and exit, but it still answers.
        assertEquals(new CommandResult("ok\n", "", 0), shell.execute("echo ok"));
    }

    @Test
    void twentyStagePipelineBenchmark() {
        Shell shell = new Shell();
        shell.execute("printf 'alpha 3\\nbeta 10\\ngamma 7\\nalpha 1\\ndelta 5\\n' > /tmp/f");
        String line = "cat /tmp/f | grep a | sed 's/a/A/g' | sort | uniq | cut -d' ' -f1 | tr A-Z a-z | sort -r"
                + " | head -n 5 | tail -n 4 | awk '{print $1}' | grep -v zz | sed 's/x/y/' | sort | uniq -c"
                + " | sort -n | tr -s ' ' | cut -c1-20 | cat | wc -l";
        assertEquals("3\n", shell.execute(line).stdout());
        int runs = 3000;
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            shell.execute(line);
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        System.out.printf("20-stage pipeline (parse and run): median %.1f us, p90 %.1f us%n",
                times[runs / 2] / 1000.0, times[runs * 9 / 10] / 1000.0);
    }
}
