package io.kubelab.shell;

import io.kubelab.shell.BashCases.Case;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Aliases, variables, expansions, lists and redirections: expected text from bash 5 (interactive messages). */
class ShellExpansionTest {

    @Test
    void linesBehaveAsInBash() {
        BashCases.check(List.of(
                new Case("alias k=kubectl\nalias kg='kubectl get'\nalias ll='ls -l'\nalias",
                        "alias k='kubectl'\nalias kg='kubectl get'\nalias ll='ls -l'\n", "", 0),
                new Case("alias k=kubectl\nalias k\nalias nope",
                        "alias k='kubectl'\n", "bash: alias: nope: not found\n", 1),
                new Case("alias x=\"it's\"; alias x",
                        "alias x='it'\\''s'\n", "", 0),
                new Case("alias e='echo hi'\ne there",
                        "hi there\n", "", 0),
                new Case("alias e='echo hi'; e there",
                        "", "bash: e: command not found\n", 127),
                new Case("unalias nope",
                        "", "bash: unalias: nope: not found\n", 1),
                new Case("x=$(echo hello); echo \"$x world\"",
                        "hello world\n", "", 0),
                new Case("echo \"a $(echo b $(echo c)) d\"",
                        "a b c d\n", "", 0),
                new Case("echo `echo one` two",
                        "one two\n", "", 0),
                new Case("v=\"a   b\"; echo $v; echo \"$v\"",
                        "a b\na   b\n", "", 0),
                new Case("files=$(ls *.log); echo $files",
                        "a.log b.log\n", "", 0),
                new Case("false; echo $?; true; echo $?",
                        "1\n0\n", "", 0),
                new Case("echo ${NOPE:-default} ${HOME} ${#HOME}",
                        "default /home/student 13\n", "", 0),
                new Case("A=1; echo $A; env | grep -c '^A='",
                        "1\n0\n", "", 1),
                new Case("export B=2; env | grep '^B='",
                        "B=2\n", "", 0),
                new Case("A=x; export A; env | grep '^A='",
                        "A=x\n", "", 0),
                new Case("C=3 env | grep '^C='; echo \"C=$C\"",
                        "C=3\nC=\n", "", 0),
                new Case("D=4; unset D; echo \"[${D-unset}]\"",
                        "[unset]\n", "", 0),
                new Case("echo ~ ~/x",
                        "/home/student /home/student/x\n", "", 0),
                new Case("echo *.log",
                        "a.log b.log\n", "", 0),
                new Case("echo *.nothing",
                        "*.nothing\n", "", 0),
                new Case("echo dir/*.yaml",
                        "dir/one.yaml dir/two.yaml\n", "", 0),
                new Case("echo \"*.log\" '*.log'",
                        "*.log *.log\n", "", 0),
                new Case("echo f{a,b,c}g {1..3}",
                        "fag fbg fcg 1 2 3\n", "", 0),
                new Case("echo a{b}c",
                        "a{b}c\n", "", 0),
                new Case("false && echo no || echo yes",
                        "yes\n", "", 0),
                new Case("true || echo no; echo after",
                        "after\n", "", 0),
                new Case("! true; echo $?",
                        "1\n", "", 0),
                new Case("! false; echo $?",
                        "0\n", "", 0),
                new Case("test 1 -eq 2; echo $?; [ a = a ]; echo $?",
                        "1\n0\n", "", 0),
                new Case("[ a = a",
                        "", "bash: [: missing `]'\n", 2),
                new Case("test 1 -eq x",
                        "", "bash: test: x: integer expression expected\n", 2),
                new Case("[ -f fruits.txt ] && echo file; [ -d dir ] && echo dir; [ -z \"\" ] && echo empty",
                        "file\ndir\nempty\n", "", 0),
                new Case("echo $((2 + 3 * 4)) $((10 / 3)) $((7 % 3))",
                        "14 3 1\n", "", 0),
                new Case("echo $((1/0))",
                        "", "bash: 1/0: division by 0 (error token is \"0\")\n", 1),
                new Case("x=abc; echo ${x:1} ${x/b/X} ${x^^} ${x%c} ${x#a}",
                        "bc aXc ABC ab bc\n", "", 0),
                new Case("echo ${x!}",
                        "", "bash: ${x!}: bad substitution\n", 1),
                new Case("echo ${y:?}",
                        "", "bash: y: parameter null or not set\n", 1),
                new Case("p=dir/one.yaml; echo ${p##*/} ${p%/*}",
                        "one.yaml dir\n", "", 0),
                new Case("echo \"$(echo 'a\nb')\"",
                        "a\nb\n", "", 0),
                new Case("echo $(printf 'a\\nb\\n')",
                        "a b\n", "", 0),
                new Case("echo 'x' > out.txt; cat out.txt",
                        "x\n", "", 0),
                new Case("cat <<< \"here string\"",
                        "here string\n", "", 0),
                new Case("cat <<EOF\nhome is $HOME\n$(echo sub)\nEOF",
                        "home is /home/student\nsub\n", "", 0),
                new Case("cat <<'EOF'\nhome is $HOME\nEOF",
                        "home is $HOME\n", "", 0),
                new Case("echo $? $0",
                        "0 bash\n", "", 0),
                new Case("x=$(false); echo $?",
                        "1\n", "", 0),
                new Case("echo a; echo b >&2",
                        "a\n", "b\n", 0),
                new Case("ls nothing 2>&1 | cat",
                        "ls: cannot access 'nothing': No such file or directory\n", "", 0),
                new Case("echo hi &> both.txt; cat both.txt",
                        "hi\n", "", 0),
                new Case("echo \"a\\\"b\" 'c\\d' e\\ f",
                        "a\"b c\\d e f\n", "", 0),
                new Case("echo $UNSET_VAR | cat",
                        "\n", "", 0),
                new Case("echo \"$UNSET_VAR\" | wc -c",
                        "1\n", "", 0),
                new Case("echo one; echo two; # comment",
                        "one\ntwo\n", "", 0),
                new Case("echo x |",
                        "", "bash: syntax error: unexpected end of file\n", 2),
                new Case("| echo x",
                        "", "bash: syntax error near unexpected token `|'\n", 2),
                new Case("echo \"unclosed",
                        "", "bash: unexpected EOF while looking for matching `\"'\n", 2),
                new Case("echo $(echo \"unclosed)",
                        "", "bash: unexpected EOF while looking for matching `\"'\n", 2),
                new Case("echo $((",
                        "", "bash: unexpected EOF while looking for matching `)'\n", 2),
                new Case("echo 'single' \"double $USER\" \\$USER",
                        "single double student $USER\n", "", 0)
        ));
    }

    @Test
    void typeAndWhichNameWhatRuns() {
        BashCases.check(List.of(
                new Case("alias k=kubectl\ntype k",
                        "k is aliased to `kubectl'\n", "", 0),
                new Case("type echo; type ls; type nope",
                        "echo is a shell builtin\nls is /usr/bin/ls\n", "bash: type: nope: not found\n", 1),
                new Case("which ls; which nope; echo rc=$?",
                        "/usr/bin/ls\nrc=1\n", "", 0),
                new Case("which echo",
                        "/usr/bin/echo\n", "", 0)
        ));
    }

    @Test
    void processSubstitutionGivesAFile() {
        BashCases.check(List.of(
                new Case("diff <(echo a) <(echo b)",
                        "1c1\n< a\n---\n> b\n", "", 1),
                new Case("echo 'alias kk=echo' > al.sh; source <(cat al.sh)\nkk hi",
                        "hi\n", "", 0),
                new Case("cat <(printf 'x\\ny\\n') | wc -l",
                        "2\n", "", 0)
        ));
    }

    /** Steps from courses (kubectl replaced by echo through an alias, as the rows run in plain bash). */
    @Test
    void courseStepsExpandAsInBash() {
        BashCases.check(List.of(
                new Case("export do=\"--dry-run=client -o yaml\"\nalias k=echo\nk run web --image=nginx $do > pod.yaml; cat pod.yaml",
                        "run web --image=nginx --dry-run=client -o yaml\n", "", 0),
                new Case("export now=\"--force --grace-period 0\"; echo delete pod x $now | wc -w",
                        "6\n", "", 0),
                new Case("echo \"{.items[*].metadata.name}\" {.items[*].metadata.name}",
                        "{.items[*].metadata.name} {.items[*].metadata.name}\n", "", 0),
                new Case("echo .spec.containers[*].image",
                        ".spec.containers[*].image\n", "", 0),
                new Case("NS=kube-system; echo \"-n $NS\" ${NS:-default}",
                        "-n kube-system kube-system\n", "", 0),
                new Case("cat <<EOF | grep -c name\napiVersion: v1\nmetadata:\n  name: web\n  namespace: $NS\nEOF",
                        "2\n", "", 0),
                new Case("echo -n 'S3cr3t!' | base64; echo UzNjcjN0IQ== | base64 -d; echo",
                        "UzNjcjN0IQ==\nS3cr3t!\n", "", 0),
                new Case("printf '%s\\n' web-1 web-2 db-0 | grep ^web | xargs -n1 echo deleting",
                        "deleting web-1\ndeleting web-2\n", "", 0),
                new Case("printf 'NAME READY\\nweb 1/1\\ndb 0/1\\n' | awk 'NR>1 && $2 != \"1/1\" {print $1}'",
                        "db\n", "", 0),
                new Case("printf 'NAME READY\\nweb 1/1\\ndb 0/1\\n' | tail -n +2 | sort -k1 | cut -d' ' -f1 | tr '\\n' ' '",
                        "db web ", "", 0)
        ));
    }
}
