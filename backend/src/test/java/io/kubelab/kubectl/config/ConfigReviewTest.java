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

/** kubectl config as kubectl 1.32 behaves on wrong arguments, unset of entries, --minify --context and -o json. */
class ConfigReviewTest {

    private Shell shell;

    @BeforeEach
    void cluster() {
        shell = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1));
    }

    private CommandResult run(String line) {
        return shell.execute(line);
    }

    @Test
    void wrongArgumentsShowTheHelpThenTheError() {
        String[][] cases = {
                {"kubectl config set", "error: Unexpected args: []\n"},
                {"kubectl config set a b c", "error: Unexpected args: [a b c]\n"},
                {"kubectl config unset", "error: Unexpected args: []\n"},
                {"kubectl config use-context", "error: Unexpected args: []\n"},
                {"kubectl config use-context a b", "error: Unexpected args: [a b]\n"},
                {"kubectl config rename-context a", "error: Unexpected args: [a]\n"},
                {"kubectl config set-context a b", "error: Unexpected args: [a b]\n"},
                {"kubectl config set-cluster", "error: Unexpected args: []\n"},
                {"kubectl config set-credentials", "error: unexpected args: []\n"},
        };
        for (String[] c : cases) {
            CommandResult r = run(c[0]);
            assertEquals(c[1], r.stderr(), c[0]);
            assertEquals(1, r.exitCode(), c[0]);
            assertTrue(r.stdout().contains("\nUsage:\n  " + c[0].split(" ")[0] + " config "), c[0] + ": " + r.stdout());
        }
        CommandResult r = run("kubectl config set-context");
        assertEquals("error: you must specify a non-empty context name or --current\n", r.stderr());
        assertEquals("", r.stdout());
        r = run("kubectl config delete-context");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().startsWith("Delete the specified context from the kubeconfig"), r.stdout());
        r = run("kubectl config delete-user a b");
        assertEquals("error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples\n",
                r.stderr());
    }

    @Test
    void unsetRemovesAWholeEntryAndEndsItsLine() {
        run("kubectl config set-context x --namespace=n");
        assertEquals("Property \"contexts.x\" unset.\n", run("kubectl config unset contexts.x").stdout());
        assertEquals("kubernetes-admin@kubernetes\n", run("kubectl config get-contexts -o name").stdout());
        assertEquals("Property \"contexts.nope\" unset.\n", run("kubectl config unset contexts.nope").stdout());
    }

    @Test
    void minifyFollowsTheContextFlag() {
        CommandResult r = run("kubectl config view --minify --context=nope");
        assertEquals("error: cannot locate context nope\n", r.stderr());
        assertEquals(1, r.exitCode());
        run("kubectl config set-context x --cluster=kubernetes");
        assertEquals("""
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: DATA+OMITTED
                    server: https://172.30.1.2:6443
                  name: kubernetes
                contexts:
                - context:
                    cluster: kubernetes
                    user: ""
                  name: x
                current-context: x
                kind: Config
                preferences: {}
                users: null
                """, run("kubectl config view --minify --context=x").stdout());
    }

    @Test
    void setRawBytesEncodesTheValue() {
        run("kubectl config set users.kubernetes-admin.client-key-data abc --set-raw-bytes=true");
        assertEquals("YWJj", run("kubectl config view --raw -o jsonpath={.users[0].user.client-key-data}").stdout());
    }

    @Test
    void jsonKeepsTheStructOrder() {
        run("kubectl config set-context x --namespace=n");
        assertEquals("""
                {
                    "kind": "Config",
                    "apiVersion": "v1",
                    "preferences": {},
                    "clusters": [
                        {
                            "name": "kubernetes",
                            "cluster": {
                                "server": "https://172.30.1.2:6443",
                                "certificate-authority-data": "DATA+OMITTED"
                            }
                        }
                    ],
                    "users": [
                        {
                            "name": "kubernetes-admin",
                            "user": {
                                "client-certificate-data": "DATA+OMITTED",
                                "client-key-data": "DATA+OMITTED"
                            }
                        }
                    ],
                    "contexts": [
                        {
                            "name": "kubernetes-admin@kubernetes",
                            "context": {
                                "cluster": "kubernetes",
                                "user": "kubernetes-admin"
                            }
                        },
                        {
                            "name": "x",
                            "context": {
                                "cluster": "",
                                "user": "",
                                "namespace": "n"
                            }
                        }
                    ],
                    "current-context": "kubernetes-admin@kubernetes"
                }
                """, run("kubectl config view -o json").stdout());
    }
}
