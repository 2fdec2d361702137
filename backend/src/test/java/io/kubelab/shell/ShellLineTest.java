package io.kubelab.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shell's line machinery on the workstation: pipes, lists, redirections, heredocs, variables, sed. */
class ShellLineTest {

    record Case(String line, String stdout, String stderr, int exit) {
    }

    @Test
    void linesRunAsBashRunsThem() {
        Shell shell = new Shell();
        List<Case> cases = List.of(
                new Case("echo hello world | grep -c o", "1\n", "", 0),
                new Case("echo one > /tmp/f && echo two >> /tmp/f; cat /tmp/f", "one\ntwo\n", "", 0),
                new Case("cat /tmp/f | tail -n 1", "two\n", "", 0),
                new Case("cat > /tmp/pod.yaml <<EOF\nimage: nginx:1.25\nname: $USER\nEOF", "", "", 0),
                new Case("cat /tmp/pod.yaml", "image: nginx:1.25\nname: student\n", "", 0),
                new Case("cat <<'EOF'\nkeep $USER\nEOF", "keep $USER\n", "", 0),
                new Case("sed -i 's/nginx:1.25/nginx:1.27/' /tmp/pod.yaml && head -1 /tmp/pod.yaml", "image: nginx:1.27\n", "", 0),
                new Case("sed 's/\\(n[a-z]*\\)/<\\1>/g' /tmp/pod.yaml", "image: <nginx>:1.27\n<name>: stude<nt>\n", "", 0),
                new Case("mv /tmp/pod.yaml /tmp/p.yaml && ls /tmp", "f\np.yaml\n", "", 0),
                new Case("cp /tmp/p.yaml ~ && ls", "p.yaml\n", "", 0),
                new Case("cat /nope", "", "cat: /nope: No such file or directory\n", 1),
                new Case("ls /nope", "", "ls: cannot access '/nope': No such file or directory\n", 2),
                new Case("mv /nope /tmp", "", "mv: cannot stat '/nope': No such file or directory\n", 1),
                new Case("echo x > /nope/file", "", "bash: /nope/file: No such file or directory\n", 1),
                new Case("sed -i 's/a/b/' /nope", "", "sed: can't read /nope: No such file or directory\n", 2),
                new Case("false_command || echo fallback", "fallback\n",
                        "bash: false_command: command not found\n", 0),
                new Case("export KUBECONFIG=/etc/kubernetes/admin.conf; echo \"$KUBECONFIG\"",
                        "/etc/kubernetes/admin.conf\n", "", 0),
                new Case("echo 'a | b' | cat", "a | b\n", "", 0),
                new Case("echo x |", "", "bash: syntax error: unexpected end of file\n", 2),
                new Case("cat <<EOF\nnever closed", "", "bash: warning: here-document at line 1 delimited by "
                        + "end-of-file (wanted `EOF')\n", 2),
                new Case("mkdir /tmp/d && mkdir /tmp/d", "", "mkdir: cannot create directory \u2018/tmp/d\u2019: File exists\n", 1),
                new Case("rm /tmp/d", "", "rm: cannot remove '/tmp/d': Is a directory\n", 1),
                new Case("ls /tmp/f /tmp/d 2>&1 | wc -l", "3\n", "", 0));
        for (Case c : cases) {
            CommandResult result = shell.execute(c.line());
            assertEquals(c.stdout(), result.stdout(), c.line());
            assertEquals(c.stderr(), result.stderr(), c.line());
            assertEquals(c.exit(), result.exitCode(), c.line());
        }
    }
}
