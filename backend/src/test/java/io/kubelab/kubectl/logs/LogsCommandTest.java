package io.kubelab.kubectl.logs;

import io.kubelab.kubectl.WorkloadFixture;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl logs on a live cluster: names, workloads, containers, and kubectl's messages. */
class LogsCommandTest {

    private static Shell shell;

    @BeforeAll
    static void cluster() throws Exception {
        shell = WorkloadFixture.shell();
    }

    @Test
    void aPodsLogIsItsContainersOutput() {
        CommandResult r = shell.execute("kubectl logs web");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("Configuration complete; ready for start up"), r.stdout());
        assertEquals("", r.stderr());
        String tail = shell.execute("kubectl logs web --tail=1").stdout();
        assertEquals(1, tail.split("\n").length, tail);
    }

    @Test
    void theFirstContainerIsTheDefaultWithKubectlsNotice() {
        CommandResult r = shell.execute("kubectl logs two");
        assertEquals("Defaulted container \"app\" out of: app, side\n", r.stderr());
        assertEquals("side up\n", shell.execute("kubectl logs two -c side").stdout());
        assertEquals("side up\n", shell.execute("kubectl logs two side").stdout());
        assertTrue(shell.execute("kubectl logs two --all-containers").stdout().endsWith("side up\n"));
        assertEquals("[pod/two/side] side up\n", shell.execute("kubectl logs two -c side --prefix").stdout());
    }

    @Test
    void aWorkloadsLogIsOneOfItsPods() {
        CommandResult r = shell.execute("kubectl logs deploy/api");
        assertTrue(r.stderr().matches("Found 2 pods, using pod/api-[a-z0-9]+-[a-z0-9]{5}\n"), r.stderr());
        assertTrue(r.stdout().contains("AH00094: Command line: 'httpd -D FOREGROUND'"), r.stdout());
    }

    @Test
    void errorsInKubectlsWords() {
        // kubectl 1.32's logs.go rewords a NotFound with the namespace; it checks the container itself.
        assertEquals("error: error from server (NotFound): pods \"nope\" not found in namespace \"default\"\n",
                shell.execute("kubectl logs nope").stderr());
        assertEquals("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
                + "POD or TYPE/NAME is a required argument for the logs command\n"
                + "See 'kubectl logs -h' for help and examples\n", shell.execute("kubectl logs").stderr());
        assertEquals("error: container nope is not valid for pod web\n",
                shell.execute("kubectl logs web -c nope").stderr());
    }
}
