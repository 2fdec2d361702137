package io.kubelab.shell;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's own completion: commands of the machine, files of its filesystem, variables. */
class CompletionTest {

    private static Shell shell;

    @BeforeAll
    static void files() {
        shell = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1));
        shell.execute("mkdir -p manifests/apps 'my dir' && echo a > web.yaml && echo b > notes.txt");
        shell.execute("echo c > manifests/db.yaml && echo d > .hidden");
    }

    private static Completion.Result at(String line) {
        return Completion.complete(shell, line, line.length());
    }

    private static List<String> candidates(String line) {
        return at(line).candidates();
    }

    @Test
    void commandsOfTheCurrentMachine() {
        assertEquals(List.of("kubectl"), candidates("ku"));
        assertEquals(List.of("ssh"), candidates("ss"));
        assertFalse(candidates("").contains("crictl"), "crictl is on the nodes only");
        assertEquals(List.of("grep"), candidates("kubectl get pods | gr"));
        assertEquals(List.of("kubectl"), candidates("echo $(kub"));
        assertEquals(List.of("kubectl"), candidates("watch -n 2 kub"));
        shell.execute("ssh node01");
        try {
            assertEquals(List.of("crictl"), candidates("cri"));
        } finally {
            shell.execute("exit");
        }
    }

    @Test
    void filesWithASlashAfterDirectories() {
        Completion.Result r = at("cat ");
        assertEquals(List.of("manifests/", "my\\ dir/", "notes.txt", "web.yaml"), r.candidates());
        assertEquals(List.of("manifests/", "my dir/", "notes.txt", "web.yaml"), r.display());
        assertEquals(4, r.from());
        Completion.Result dir = at("ls man");
        assertEquals(List.of("manifests/"), dir.candidates());
        assertFalse(dir.space(), "a directory completes with / and no space");
        Completion.Result file = at("cat manifests/d");
        assertEquals(List.of("manifests/db.yaml"), file.candidates());
        assertEquals(List.of("db.yaml"), file.display());
        assertTrue(file.space());
        assertEquals(List.of("manifests/apps/"), candidates("cd manifests/"), "cd completes directories only");
        assertEquals(List.of("~/"), candidates("cd ~"));
        assertEquals(List.of("~/notes.txt"), candidates("cat ~/no"));
        assertEquals(List.of("../", "./", ".bashrc", ".hidden", ".kube/"), candidates("ls ."));
        assertEquals(List.of("/etc/"), candidates("ls /et"));
        assertEquals(List.of("notes.txt"), candidates("echo hi > no"));
        assertEquals(List.of("web.yaml"), candidates("grep -c a < we"));
        assertEquals(List.of("my\\ dir/"), candidates("ls 'my"));
    }

    @Test
    void variables() {
        assertEquals(List.of("$HOME", "$HOSTNAME"), candidates("echo $HO"));
        assertEquals(List.of("${USER}"), candidates("echo ${US"));
    }

    @Test
    void theCursorDecidesTheWord() {
        Completion.Result r = Completion.complete(shell, "cat no | wc -l", 6);
        assertEquals(List.of("notes.txt"), r.candidates());
        assertEquals(4, r.from());
        assertEquals(6, r.to());
        assertEquals(List.of(), candidates("cat zz"));
    }
}
