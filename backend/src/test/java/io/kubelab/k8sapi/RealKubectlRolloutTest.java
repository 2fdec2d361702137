package io.kubelab.k8sapi;

import io.kubelab.shell.CommandResult;
import io.kubelab.shell.EditorFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * rollout, edit and drain with the real kubectl 1.32 against our API, and our terminal's kubectl, on twin
 * clusters. The real kubectl edits through a sed script as KUBE_EDITOR; our terminal's edit opens the browser
 * editor, which the test saves with the same change: the answers and the objects must match, not the flow.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RealKubectlRolloutTest {

    private static final Duration TICK = Duration.ofSeconds(1);

    private static TwinHarnesses twins;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        twins = new TwinHarnesses();
        twins.setup("kubectl create deployment roll --image=nginx:1.26 --replicas=2",
                "kubectl create deployment edited --image=nginx",
                "kubectl create deployment drained --image=nginx --replicas=4").settle();
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @Test
    void rollout() {
        Differential diff = twins.differential(kubectl);
        diff.same("set image deploy/roll nginx=nginx:1.27")
                .same("rollout status deploy/roll --watch=false");
        twins.settle();
        diff.alignClocks()
                .same("rollout status deploy/roll", "", TICK)
                .same("rollout history deploy/roll")
                .same("rollout history deploy/roll --revision=2")
                .same("rollout history deploy/roll --revision=7")
                .same("rollout undo deploy/roll --dry-run=server")
                .same("rollout undo deploy/roll")
                .same("rollout undo deploy/roll --to-revision=9")
                .sameObjects("get deploy roll -o jsonpath={.spec.template.spec.containers[0].image}");
        twins.settle();
        diff.alignClocks()
                .same("rollout pause deploy/roll")
                .same("rollout pause deploy/roll")
                .same("rollout restart deploy/roll")
                .same("rollout resume deploy/roll")
                .same("rollout resume deploy/roll")
                .same("rollout restart deploy/roll")
                .sameObjects("get deploy roll -o yaml")
                .same("rollout status deploy/nothere")
                .assertNone();
    }

    @Test
    void editThroughAnEditor() throws IOException {
        Path script = Path.of(twins.dir, "editor.sh");
        Files.writeString(script, "#!/bin/sh\nsed -i 's/replicas: 1$/replicas: 3/' \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path none = Path.of(twins.dir, "none.sh");
        Files.writeString(none, "#!/bin/sh\ntrue\n");
        Files.setPosixFilePermissions(none, PosixFilePermissions.fromString("rwx------"));
        Differential diff = twins.differential(kubectl);
        edit(diff, "edit deploy edited", script, text -> text.replaceFirst("(?m)replicas: 1$", "replicas: 3"));
        diff.sameObjects("get deploy edited -o yaml");
        edit(diff, "edit deploy edited", none, text -> text);
        edit(diff, "edit deploy edited -o json", none, text -> text);
        diff.assertNone();
    }

    private static void edit(Differential diff, String line, Path editor, java.util.function.UnaryOperator<String> change) {
        RealKubectl.Result real = twins.real.kubectl(kubectl, Words.split(line), "",
                Map.of("KUBE_EDITOR", editor.toString()), Duration.ZERO);
        CommandResult ours;
        synchronized (twins.ours.shell()) {
            CommandResult opened = twins.ours.shell().execute("kubectl " + line, true);
            EditorFile file = twins.ours.shell().takeEditor();
            if (file == null) {
                ours = opened;
            } else {
                EditorFile.Closed closed = file.save(change.apply(file.text()));
                ours = new CommandResult(opened.stdout() + closed.result().stdout(),
                        opened.stderr() + closed.result().stderr(), closed.result().exitCode());
            }
        }
        diff.compare(line, real, ours);
    }

    /**
     * drain deletes or evicts pods through kubectl's typed client (DeleteOptions and policy/v1 Eviction bodies
     * in protobuf). The real kubectl evicts in parallel goroutines, so its "evicted" lines come in any order, and
     * the twins' pods part ways after the first drain (each cluster reschedules on its own clock): the second
     * drain is checked for its shape, every pod it evicts being reported evicted.
     */
    /** Last: it moves every pod of the twins off two nodes. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void drain() {
        Differential diff = twins.differential(kubectl);
        // The rollout test restarted "roll" on each twin at its own time: its pods' generated names differ.
        String line = "drain node01 --ignore-daemonsets --disable-eviction --delete-emptydir-data --force --grace-period=0";
        RealKubectl.Result first = twins.real.kubectl(kubectl, Words.split(line), "", java.util.Map.of(), TICK);
        io.kubelab.shell.CommandResult ours = twins.ours.terminal("kubectl " + line);
        if (!generated(first.stdout()).equals(generated(ours.stdout())) || first.exitCode() != ours.exitCode()
                || !first.stderr().equals(ours.stderr())) {
            diff.difference(line + ": real\n" + first.stdout() + first.stderr() + "ours\n" + ours.stdout() + ours.stderr());
        }
        diff.alignClocks().same("get nodes").same("uncordon node01");
        RealKubectl.Result real = twins.real.kubectl(kubectl, Words.split(
                "drain node02 --ignore-daemonsets --delete-emptydir-data --force"), "", java.util.Map.of(), TICK);
        java.util.List<String> lines = java.util.List.of(real.stdout().split("\n"));
        java.util.Set<String> evicting = new java.util.TreeSet<>();
        java.util.Set<String> evicted = new java.util.TreeSet<>();
        for (String out : lines) {
            if (out.startsWith("evicting pod default/")) {
                evicting.add(out.substring("evicting pod default/".length()));
            } else if (out.startsWith("pod/") && out.endsWith(" evicted")) {
                evicted.add(out.substring(4, out.length() - " evicted".length()));
            }
        }
        if (real.exitCode() != 0 || !lines.get(0).equals("node/node02 cordoned")
                || !lines.get(lines.size() - 1).equals("node/node02 drained") || evicting.isEmpty()
                || !evicting.equals(evicted)) {
            diff.difference("drain node02 (real kubectl): unexpected output\n" + real.stdout() + real.stderr());
        }
        diff.assertNone();
    }

    private static String generated(String text) {
        return text.replaceAll("-[a-z0-9]{5,10}-[a-z0-9]{5}\\b", "-HASH-NAME");
    }
}
