package io.kubelab.kubectl.edit;

import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.Workstation;
import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl edit}: without an editor as kubectl fails, and the rounds an editor host drives. */
class EditCommandTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(15);
        c.create(VerbCluster.deployment("web", 1));
        c.settle();
    }

    /** A browser-like workstation: keeps the request it was asked to open. */
    private static final class Host implements Workstation, EditorHost {
        final Map<String, String> files = new HashMap<>();
        EditRequest opened;

        @Override
        public boolean openEditor(EditRequest request) {
            opened = request;
            return true;
        }

        @Override
        public Optional<String> read(String path) {
            return Optional.ofNullable(files.get(path));
        }

        @Override
        public boolean isDirectory(String path) {
            return false;
        }

        @Override
        public List<String> list(String path) {
            return List.of();
        }

        @Override
        public void write(String path, String content) {
            files.put(path, content);
        }

        @Override
        public String env(String name) {
            return null;
        }

        @Override
        public String home() {
            return "/root";
        }
    }

    private static KubectlContext context(Host host) {
        return new KubectlContext(c.cluster.api(), c.cluster.clock(), host, null);
    }

    private static EditRequest open(Host host) throws Exception {
        new EditCommand().run(context(host), new EditCommand().flags().parse(List.of("deploy/web")));
        return host.opened;
    }

    @Test
    void withoutAnEditorKubectlFails() {
        CommandResult r = c.run("kubectl edit deploy/web");
        assertEquals("error: there was a problem with the editor \"vi\"\n", r.stderr());
        assertEquals(1, r.exitCode());
        assertEquals("Error from server (NotFound): deployments.apps \"nope\" not found\n",
                c.run("kubectl edit deploy/nope").stderr());
    }

    @Test
    void unchangedOrEmptyCancels() throws Exception {
        Host host = new Host();
        EditRequest request = open(host);
        assertTrue(request.text().startsWith(EditCommand.HEADER + "apiVersion: apps/v1\nkind: Deployment\n"), request.text());
        KubectlContext ctx = context(host);
        assertTrue(EditCommand.finish(ctx, request, request.text()).isEmpty());
        assertEquals("Edit cancelled, no changes made.\n", ctx.err().toString());
        KubectlContext empty = context(host);
        assertTrue(EditCommand.finish(empty, request, "# nothing\n\n").isEmpty());
        assertEquals("Edit cancelled, saved file was empty.\n", empty.err().toString());
    }

    @Test
    void aSavedChangeIsPatchedAndAnInvalidOneReopens() throws Exception {
        Host host = new Host();
        EditRequest request = open(host);
        KubectlContext ctx = context(host);
        assertTrue(EditCommand.finish(ctx, request, request.text().replace("replicas: 1", "replicas: 3")).isEmpty());
        assertEquals("deployment.apps/web edited\n", ctx.out().toString());
        assertEquals(3, c.get("apps/v1", "Deployment", "default", "web").orElseThrow().path("spec").path("replicas").asInt());

        EditRequest again = open(host);
        KubectlContext bad = context(host);
        EditRequest reopened = EditCommand.finish(bad, again, again.text().replace("replicas: 3", "replicas: -1"))
                .orElseThrow();
        assertTrue(reopened.text().startsWith(EditCommand.HEADER + "# deployments.apps \"web\" was not valid:\n# * "
                + "spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n"),
                reopened.text());
        KubectlException giveUp = assertThrows(KubectlException.class,
                () -> EditCommand.finish(context(host), reopened, reopened.text()));
        assertTrue(giveUp.stderr().endsWith("error: Edit cancelled, no valid changes were saved.\n"), giveUp.stderr());
        EditRequest syntax = EditCommand.finish(context(host), again, "apiVersion: [\n").orElseThrow();
        assertTrue(syntax.text().startsWith(EditCommand.HEADER + "# The edited file had a syntax error: "), syntax.text());
    }
}
