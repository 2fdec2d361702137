package io.kubelab.shell;

import io.kubelab.shell.BashCases.Case;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * File commands: expected text from GNU coreutils, findutils and diffutils on the same files. One deviation:
 * {@code find} lists in name order where a real disk lists in directory order.
 */
class FileCommandsTest {

    @Test
    void filesBehaveAsOnLinux() {
        BashCases.check(List.of(
                new Case("ls",
                        "a.log\nb.log\ndir\nfruits.txt\n", "", 0),
                new Case("ls -1 dir",
                        "one.yaml\nsub\ntwo.yaml\n", "", 0),
                new Case("ls -a dir",
                        ".\n..\none.yaml\nsub\ntwo.yaml\n", "", 0),
                new Case("ls -R",
                        ".:\na.log\nb.log\ndir\nfruits.txt\n\n./dir:\none.yaml\nsub\ntwo.yaml\n\n./dir/sub:\n", "", 0),
                new Case("ls nope fruits.txt",
                        "fruits.txt\n", "ls: cannot access 'nope': No such file or directory\n", 2),
                new Case("ls -d dir",
                        "dir\n", "", 0),
                new Case("cat -n fruits.txt",
                        "     1\tapple 3\n     2\tbanana 10\n     3\tcherry 7\n     4\tapple 1\n", "", 0),
                new Case("cat -n a.log b.log",
                        "     1\tx\n     2\ty\n", "", 0),
                new Case("find . -name '*.yaml'",
                        "./dir/one.yaml\n./dir/two.yaml\n", "", 0),
                new Case("find dir -type f",
                        "dir/one.yaml\ndir/two.yaml\n", "", 0),
                new Case("find dir -type d",
                        "dir\ndir/sub\n", "", 0),
                new Case("find nope",
                        "", "find: ‘nope’: No such file or directory\n", 1),
                new Case("find . -name '*.log' -type f",
                        "./a.log\n./b.log\n", "", 0),
                new Case("cp dir d2",
                        "", "cp: -r not specified; omitting directory 'dir'\n", 1),
                new Case("cp -r dir d2; ls d2",
                        "one.yaml\nsub\ntwo.yaml\n", "", 0),
                new Case("mv dir d3; ls; ls d3",
                        "a.log\nb.log\nd3\nfruits.txt\none.yaml\nsub\ntwo.yaml\n", "", 0),
                new Case("rm -r dir; ls",
                        "a.log\nb.log\nfruits.txt\n", "", 0),
                new Case("rm -f nope; echo $?",
                        "0\n", "", 0),
                new Case("rm nope",
                        "", "rm: cannot remove 'nope': No such file or directory\n", 1),
                new Case("rmdir nope",
                        "", "rmdir: failed to remove 'nope': No such file or directory\n", 1),
                new Case("rmdir dir",
                        "", "rmdir: failed to remove 'dir': Directory not empty\n", 1),
                new Case("rmdir dir/sub; ls dir",
                        "one.yaml\ntwo.yaml\n", "", 0),
                new Case("mkdir -p x/y/z && find x",
                        "x\nx/y\nx/y/z\n", "", 0),
                new Case("touch new.txt; ls",
                        "a.log\nb.log\ndir\nfruits.txt\nnew.txt\n", "", 0),
                new Case("chmod 644 fruits.txt; echo $?",
                        "0\n", "", 0),
                new Case("chmod 999 fruits.txt",
                        "", "chmod: invalid mode: ‘999’\nTry 'chmod --help' for more information.\n", 1),
                new Case("chmod +x nope",
                        "", "chmod: cannot access 'nope': No such file or directory\n", 1),
                new Case("printf 'a\\nb\\nc\\n' > x; printf 'a\\nB\\nc\\nd\\n' > y; diff x y",
                        "2c2\n< b\n---\n> B\n3a4\n> d\n", "", 1),
                new Case("printf 'a\\nb\\nc\\n' > x; printf 'a\\nB\\nc\\nd\\n' > y; diff -u x y | tail -n +3",
                        "@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n", "", 0),
                new Case("printf 'a\\n' > x; diff x x; echo $?",
                        "0\n", "", 0),
                new Case("cp fruits.txt fruits.txt",
                        "", "cp: 'fruits.txt' and 'fruits.txt' are the same file\n", 1),
                new Case("mv nope x",
                        "", "mv: cannot stat 'nope': No such file or directory\n", 1),
                new Case("cp a.log dir/ && ls dir",
                        "a.log\none.yaml\nsub\ntwo.yaml\n", "", 0)
        ));
    }

    @Test
    void longListingHasGnuColumns() {
        Shell shell = BashCases.prepared();
        String listing = shell.execute("echo hello > dir/big.txt; ls -la dir").stdout()
                .replaceAll("[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d", "DATE");
        assertEquals("total 16\n"
                + "drwxr-xr-x 3 root root 4096 DATE .\n"
                + "drwxr-xr-x 3 root root 4096 DATE ..\n"
                + "-rw-r--r-- 1 root root    6 DATE big.txt\n"
                + "-rw-r--r-- 1 root root    0 DATE one.yaml\n"
                + "drwxr-xr-x 2 root root 4096 DATE sub\n"
                + "-rw-r--r-- 1 root root    0 DATE two.yaml\n", listing);
        assertEquals("-rw-r--r-- 1 student student 0 DATE /home/student/x\n", shell.execute("touch ~/x; ls -l ~/x").stdout()
                .replaceAll("[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d", "DATE"));
    }

    @Test
    void humanSizesRoundUpAsGnuDoes() {
        Shell shell = BashCases.prepared();
        shell.execute("seq 1 1200 > big.txt");
        // Expected text from GNU ls on the same tree (seq 1 1200 is 4893 bytes); dates masked.
        assertEquals("-rw-r--r-- 1 root root 4.8K DATE big.txt\n", masked(shell.execute("ls -lh big.txt")));
        assertEquals("total 4.0K\n-rw-r--r-- 1 root root    0 DATE one.yaml\ndrwxr-xr-x 2 root root 4.0K DATE sub\n",
                masked(shell.execute("rm dir/two.yaml; ls -lh dir")));
        assertEquals(List.of("0", "1023", "1.0K", "4.9K", "10K", "1.0M"), List.of(Listing.human(0), Listing.human(1023),
                Listing.human(1024), Listing.human(5000), Listing.human(10240), Listing.human(1 << 20)));
    }

    private static String masked(CommandResult r) {
        return r.stdout().replaceAll("[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d", "DATE");
    }

    @Test
    void bashrcCollectsAliasesForSource() {
        Shell shell = new Shell();
        assertEquals(".\n..\n.bashrc\n", shell.execute("ls -a ~").stdout());
        assertEquals(new CommandResult("hi\n", "", 0),
                shell.execute("echo 'alias say=echo' >> ~/.bashrc && source ~/.bashrc\nsay hi"));
    }

    @Test
    void editorsAskTheTerminalToOpenTheFile() {
        Shell shell = BashCases.prepared();
        CommandResult vim = shell.execute("vim pod.yaml");
        assertEquals(new CommandResult("", "vim: Warning: Output is not to a terminal\n", 1, "/tmp/w/pod.yaml"), vim);
        assertEquals("nano: dir is a directory\n", shell.execute("nano dir").stderr());
    }
}
