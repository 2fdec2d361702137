package io.kubelab.shell;

import io.kubelab.shell.BashCases.Case;
import org.junit.jupiter.api.Test;

import java.util.List;

/** for, while/until with read, if, break and continue, ( ... ) and { ...; }: expected text from bash 5. */
class ShellLoopsTest {

    @Test
    void compoundCommandsRunAsInBash() {
        BashCases.check(List.of(
                new Case("for i in 1 2 3; do echo \"n=$i\"; done",
                        "n=1\nn=2\nn=3\n", "", 0),
                new Case("for f in *.log; do echo \"file $f\"; done",
                        "file a.log\nfile b.log\n", "", 0),
                new Case("i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done",
                        "1\n2\n3\n", "", 0),
                new Case("printf 'a b\\nc d\\n' | while read x y; do echo \"$y-$x\"; done",
                        "b-a\nd-c\n", "", 0),
                new Case("while read -r line; do echo \"[$line]\"; done < fruits.txt",
                        "[apple 3]\n[banana 10]\n[cherry 7]\n[apple 1]\n", "", 0),
                new Case("if [ 1 = 2 ]; then echo no; elif true; then echo elif; else echo else; fi",
                        "elif\n", "", 0),
                new Case("for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done",
                        "1\n3\n", "", 0),
                new Case("for x in a b; do echo $x; break; done; echo after",
                        "a\nafter\n", "", 0),
                new Case("for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done",
                        "1a\n", "", 0),
                new Case("for i in $(seq 1 3); do echo \"item $i\"; done | tail -1",
                        "item 3\n", "", 0),
                new Case("for i in\n1 2\ndo\necho $i\ndone",
                        "", "bash: syntax error near unexpected token `1'\n", 2),
                new Case("if true\nthen\necho yes\nfi",
                        "yes\n", "", 0),
                new Case("until false; do echo once; break; done",
                        "once\n", "", 0),
                new Case("break; echo x",
                        "x\n", "bash: break: only meaningful in a `for', `while', or `until' loop\n", 0),
                new Case("for i in 1 2; do echo $i",
                        "", "bash: syntax error: unexpected end of file\n", 2),
                new Case("done",
                        "", "bash: syntax error near unexpected token `done'\n", 2),
                new Case("read x < /dev/null; echo rc=$?",
                        "rc=1\n", "", 0),
                new Case("for p in web db; do echo \"kubectl delete pod $p\"; done",
                        "kubectl delete pod web\nkubectl delete pod db\n", "", 0),
                new Case("count=0; for w in a b c; do count=$((count + 1)); done; echo $count",
                        "3\n", "", 0)
        ));
    }

    @Test
    void subshellsAndGroups() {
        BashCases.check(List.of(
                new Case("(cd dir && ls); pwd",
                        "one.yaml\nsub\ntwo.yaml\n/tmp/w\n", "", 0),
                new Case("(x=1; echo \"in $x\"); echo \"out $x\"",
                        "in 1\nout \n", "", 0),
                new Case("{ echo a; echo b; } | wc -l",
                        "2\n", "", 0),
                new Case("( echo \"unclosed\"",
                        "", "bash: syntax error: unexpected end of file\n", 2),
                new Case("echo a )",
                        "", "bash: syntax error near unexpected token `)'\n", 2),
                new Case("(exit 3); echo $?",
                        "3\n", "", 0)
        ));
    }
}
