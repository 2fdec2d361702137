package io.kubelab.kubectl.auth;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl auth can-i and whoami against kubeadm's RBAC. */
class AuthCommandTest {

    private static Shell shell;

    @BeforeAll
    static void shell() {
        shell = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.EPOCH), 5));
    }

    @Test
    void theAdminMayDoAnything() {
        CommandResult r = shell.execute("kubectl auth can-i create deployments.apps");
        assertEquals("yes\n", r.stdout());
        assertEquals(0, r.exitCode());
        assertEquals("yes\n", shell.execute("kubectl auth can-i '*' '*' -A").stdout());
    }

    @Test
    void aServiceAccountMayNot() {
        CommandResult r = shell.execute("kubectl auth can-i list pods --as=system:serviceaccount:default:default");
        assertEquals("no\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(1, r.exitCode());
        assertEquals("", shell.execute("kubectl auth can-i list pods -q --as=system:serviceaccount:default:default").stdout());
        String list = shell.execute("kubectl auth can-i --list --as=system:serviceaccount:default:default").stdout();
        assertTrue(list.startsWith("Resources"), list);
        assertTrue(list.contains("selfsubjectaccessreviews.authorization.k8s.io"), list);
    }

    @Test
    void whoami() {
        assertEquals("""
                ATTRIBUTE   VALUE
                Username    kubernetes-admin
                Groups      [kubeadm:cluster-admins system:authenticated]
                """, shell.execute("kubectl auth whoami").stdout());
    }

    @Test
    void argumentErrors() {
        assertEquals("error: you must specify two arguments: verb resource or verb resource/resourceName.\n"
                + "See 'kubectl auth can-i -h' for help and examples.\n", shell.execute("kubectl auth can-i get").stderr());
        assertEquals(shell.execute("kubectl auth can-i get").stderr(), shell.execute("kubectl auth can-i get a b c").stderr());
        CommandResult unknown = shell.execute("kubectl auth can-i get foos");
        assertEquals("Warning: the server doesn't have a resource type 'foos'\n\n", unknown.stderr());
        assertEquals("yes\n", unknown.stdout());
    }
}
