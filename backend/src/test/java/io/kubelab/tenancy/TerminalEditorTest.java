package io.kubelab.tenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser terminal's editor: {@code vi FILE} and {@code kubectl edit} open it, save and quit close it. */
class TerminalEditorTest {

    private static final String ID = "editor1";
    private final SandboxHost host = new SandboxHost();

    TerminalEditorTest() {
        host.start(ID);
    }

    @AfterEach
    void stop() {
        host.stop(ID);
    }

    private TerminalResult type(String line) {
        return host.executeInTerminal(ID, line).orElseThrow();
    }

    private CommandResult run(String line) {
        return host.execute(ID, line).orElseThrow();
    }

    private ObjectNode deployment(String name) {
        return host.cluster(ID).orElseThrow().api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET,
                ResourceTypes.of("apps/v1", "Deployment"), "default", name)).body();
    }

    private static void assertResult(String stdout, String stderr, int exitCode, CommandResult r) {
        assertEquals(stdout, r.stdout());
        assertEquals(stderr, r.stderr());
        assertEquals(exitCode, r.exitCode());
    }

    @Test
    void viOpensTheFileAndSavingWritesItSilently() {
        run("echo old > notes.txt");
        TerminalResult opened = type("vi notes.txt");
        assertResult("", "", 0, opened.result());
        assertEquals(new TerminalResult.Editor(opened.editor().id(), "vi /home/student/notes.txt", "old\n"),
                opened.editor());
        TerminalResult saved = host.save(ID, opened.editor().id(), "new text\nsecond line\n").orElseThrow();
        assertResult("", "", 0, saved.result());
        assertNull(saved.editor());
        assertResult("new text\nsecond line\n", "", 0, run("cat notes.txt"));
        // Once closed, the editor cannot save again.
        assertResult("", "kubelab: this editor was closed already; its text was not saved\n", 1,
                host.save(ID, opened.editor().id(), "again").orElseThrow().result());
    }

    @Test
    void quittingAFileChangesNothingAndANewFileStartsEmpty() {
        TerminalResult opened = type("vim /tmp/fresh.yaml");
        assertEquals(new TerminalResult.Editor(opened.editor().id(), "vim /tmp/fresh.yaml", ""), opened.editor());
        assertResult("", "", 0, host.quit(ID, opened.editor().id()).orElseThrow().result());
        assertResult("", "cat: /tmp/fresh.yaml: No such file or directory\n", 1, run("cat /tmp/fresh.yaml"));
    }

    @Test
    void aFailedWriteKeepsTheEditorOpenOnTheStudentsText() {
        TerminalResult opened = type("nano big.txt");
        String tooBig = "x".repeat(io.kubelab.cluster.NodeFiles.MAX_FILE_BYTES + 1);
        TerminalResult failed = host.save(ID, opened.editor().id(), tooBig).orElseThrow();
        assertResult("", "nano: big.txt: File too large\n", 1, failed.result());
        assertEquals("nano /home/student/big.txt", failed.editor().title());
        assertEquals(tooBig, failed.editor().text());
        assertResult("", "", 0, host.save(ID, failed.editor().id(), "fits").orElseThrow().result());
        assertResult("fits\n", "", 0, run("cat big.txt"));
    }

    @Test
    void aFileOpenedOnANodeIsSavedOnThatNode() {
        run("ssh node01");
        TerminalResult opened = type("vi /tmp/node-notes.txt");
        assertEquals("vi /tmp/node-notes.txt", opened.editor().title());
        run("exit");
        assertResult("", "", 0, host.save(ID, opened.editor().id(), "on node01\n").orElseThrow().result());
        assertResult("", "cat: /tmp/node-notes.txt: No such file or directory\n", 1, run("cat /tmp/node-notes.txt"));
        run("ssh node01");
        assertResult("on node01\n", "", 0, run("cat /tmp/node-notes.txt"));
    }

    @Test
    void theAutomationApiKeepsTheNoTerminalFailures() {
        assertResult("", "vi: Warning: Output is not to a terminal\n", 1, run("vi notes.txt"));
        run("kubectl create deployment web --image=nginx");
        assertResult("", "error: there was a problem with the editor \"vi\"\n", 1, run("kubectl edit deployment/web"));
    }

    @Test
    void kubectlEditAppliesTheSavedObject() {
        run("kubectl create deployment web --image=nginx");
        TerminalResult opened = type("kubectl edit deployment/web");
        assertResult("", "", 0, opened.result());
        assertEquals("kubectl edit deployment/web", opened.editor().title());
        assertTrue(opened.editor().text().startsWith("# Please edit the object below."), opened.editor().text());
        assertTrue(opened.editor().text().contains("\n  replicas: 1\n"), opened.editor().text());
        TerminalResult saved = host.save(ID, opened.editor().id(),
                opened.editor().text().replace("\n  replicas: 1\n", "\n  replicas: 4\n")).orElseThrow();
        assertResult("deployment.apps/web edited\n", "", 0, saved.result());
        assertNull(saved.editor());
        assertEquals(4, deployment("web").path("spec").path("replicas").asInt());
    }

    @Test
    void kubectlEditQuitOrUnchangedSaveCancels() {
        run("kubectl create deployment web --image=nginx");
        TerminalResult opened = type("kubectl edit deployment/web");
        assertResult("", "Edit cancelled, no changes made.\n", 0,
                host.quit(ID, opened.editor().id()).orElseThrow().result());
        TerminalResult again = type("kubectl edit deployment/web");
        assertResult("", "Edit cancelled, no changes made.\n", 0,
                host.save(ID, again.editor().id(), again.editor().text()).orElseThrow().result());
        assertEquals(1, deployment("web").path("spec").path("replicas").asInt());
    }

    @Test
    void anInvalidEditReopensWithKubectlsErrorsOnTop() {
        run("kubectl create deployment web --image=nginx");
        TerminalResult opened = type("kubectl edit deployment/web");
        TerminalResult invalid = host.save(ID, opened.editor().id(),
                opened.editor().text().replace("\n  replicas: 1\n", "\n  replicas: -1\n")).orElseThrow();
        assertResult("", "", 0, invalid.result());
        assertNotNull(invalid.editor());
        assertEquals("kubectl edit deployment/web", invalid.editor().title());
        assertTrue(invalid.editor().text().contains("# deployments.apps \"web\" was not valid:\n# * "
                + "spec.replicas: Invalid value: -1: must be greater than or equal to 0\n"), invalid.editor().text());
        TerminalResult fixed = host.save(ID, invalid.editor().id(),
                invalid.editor().text().replace("\n  replicas: -1\n", "\n  replicas: 2\n")).orElseThrow();
        assertResult("deployment.apps/web edited\n", "", 0, fixed.result());
        assertEquals(2, deployment("web").path("spec").path("replicas").asInt());
    }
}
