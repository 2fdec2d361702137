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
     * drain deletes or evicts pods through kubectl's typed client, whose bodies (DeleteOptions, policy/v1
     * Eviction) are protobuf even with --disable-eviction: 415 until the protobuf decoder (issue 6) lands.
     */
    @Test
    @org.junit.jupiter.api.Disabled("protobuf bodies: issue 6, merged soon")
    void drain() {
        twins.differential(kubectl)
                .same("drain node01 --ignore-daemonsets --disable-eviction --delete-emptydir-data --force "
                        + "--grace-period=0", "", TICK)
                .same("get nodes")
                .same("uncordon node01")
                .same("drain node02 --ignore-daemonsets --delete-emptydir-data --force", "", TICK)
                .same("uncordon node02")
                .assertNone();
    }
}
