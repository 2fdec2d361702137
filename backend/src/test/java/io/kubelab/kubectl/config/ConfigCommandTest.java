package io.kubelab.kubectl.config;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl config against the student's kubeconfig; texts checked against kubectl 1.32. */
class ConfigCommandTest {

    private Shell shell;

    @BeforeEach
    void shell() {
        shell = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.EPOCH), 3));
    }

    private String out(String line) {
        CommandResult r = shell.execute(line);
        assertEquals(0, r.exitCode(), line + ": " + r.stderr());
        return r.stdout();
    }

    @Test
    void contextsAndTheNamespaceOfTheCurrentOne() {
        assertEquals("""
                CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE
                *         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n""",
                out("kubectl config get-contexts"));
        assertEquals("kubernetes-admin@kubernetes\n", out("kubectl config current-context"));
        assertEquals("Context \"kubernetes-admin@kubernetes\" modified.\n",
                out("kubectl config set-context --current --namespace=dev"));
        assertTrue(out("kubectl config get-contexts").endsWith("kubernetes-admin   dev\n"));
        assertEquals("Context \"dev\" created.\n",
                out("kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev"));
        assertEquals("Switched to context \"dev\".\n", out("kubectl config use-context dev"));
        assertEquals("error: no context exists with the name: \"nope\"\n",
                shell.execute("kubectl config use-context nope").stderr());
        String file = out("cat ~/.kube/config");
        assertTrue(file.contains("""
                contexts:
                - context:
                    cluster: kubernetes
                    namespace: dev
                    user: kubernetes-admin
                  name: dev
                - context:
                """), file);
        assertTrue(file.contains("current-context: dev\nkind: Config\npreferences: {}\nusers:\n"), file);
        assertEquals("NAME\nkubernetes\n", out("kubectl config get-clusters"));
        assertEquals("NAME\nkubernetes-admin\n", out("kubectl config get-users"));
    }

    @Test
    void viewHidesCredentials() {
        String view = out("kubectl config view");
        assertTrue(view.contains("    certificate-authority-data: DATA+OMITTED\n"), view);
        assertTrue(view.contains("    client-key-data: DATA+OMITTED\n"), view);
        assertTrue(out("kubectl config view --raw").contains("client-key-data: LS0t"));
    }

    @Test
    void deletingTheCurrentContextWarns() {
        CommandResult r = shell.execute("kubectl config delete-context kubernetes-admin@kubernetes");
        assertEquals("deleted context kubernetes-admin@kubernetes from /home/student/.kube/config\n", r.stdout());
        assertEquals("warning: this removed your active context, use \"kubectl config use-context\" to select a "
                + "different one\n", r.stderr());
        assertEquals("error: cannot locate context kubernetes-admin@kubernetes\n",
                shell.execute("kubectl config view --minify").stderr());
        assertEquals("Error in configuration: context was not found for specified context: kubernetes-admin@kubernetes\n",
                shell.execute("kubectl api-versions").stderr());
    }

    @Test
    void clusterInfoInKubectlsColours() {
        assertEquals("\u001b[0;32mKubernetes control plane\u001b[0m is running at \u001b[0;33mhttps://172.30.1.2:6443\u001b[0m\n"
                + "\u001b[0;32mCoreDNS\u001b[0m is running at \u001b[0;33mhttps://172.30.1.2:6443/api/v1/namespaces/"
                + "kube-system/services/kube-dns:dns/proxy\u001b[0m\n\n"
                + "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
                out("kubectl cluster-info"));
    }
}
