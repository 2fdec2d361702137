package io.kubelab.kubectl.exec;

import io.kubelab.kubectl.WorkloadFixture;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl exec into the simulated images through pods/exec. */
class ExecCommandTest {

    private static Shell shell;

    @BeforeAll
    static void cluster() throws Exception {
        shell = WorkloadFixture.shell();
    }

    @Test
    void commandsRunInTheContainersImage() {
        CommandResult r = shell.execute("kubectl exec web -- cat /etc/hostname");
        assertEquals("web\n", r.stdout(), r.stderr());
        assertEquals(0, r.exitCode());
        CommandResult two = shell.execute("kubectl exec two -c side -- echo hi");
        assertEquals("hi\n", two.stdout(), two.stderr());
        assertEquals("Defaulted container \"app\" out of: app, side\n", shell.execute("kubectl exec two -- true").stderr());
    }

    @Test
    void failuresAsKubectlReportsThem() {
        CommandResult r = shell.execute("kubectl exec two -c side -- sh -c 'exit 3'");
        assertEquals("command terminated with exit code 3\n", r.stderr());
        assertEquals(3, r.exitCode());
        assertEquals("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n"
                + "See 'kubectl exec -h' for help and examples\n", shell.execute("kubectl exec web ls").stderr());
        assertEquals("Error from server (NotFound): pods \"nope\" not found\n", shell.execute("kubectl exec nope -- ls").stderr());
    }

    @Test
    void portForwardPrintsKubectlsLines() {
        assertEquals("Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n",
                shell.execute("kubectl port-forward pod/web 8080:80").stdout());
        assertEquals("Forwarding from 0.0.0.0:9000 -> 80\n",
                shell.execute("kubectl port-forward web 9000:80 --address 0.0.0.0").stdout());
        assertEquals("error: TYPE/NAME and list of ports are required for port-forward\n"
                + "See 'kubectl port-forward -h' for help and examples\n", shell.execute("kubectl port-forward web").stderr());
    }
}
