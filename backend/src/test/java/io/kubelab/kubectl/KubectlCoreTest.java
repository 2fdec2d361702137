package io.kubelab.kubectl;

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

/** The command framework through the shell, with texts checked against kubectl 1.32. */
class KubectlCoreTest {

    private static Shell shell;

    @BeforeAll
    static void cluster() {
        shell = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1));
    }

    private static CommandResult run(String line) {
        return shell.execute(line);
    }

    @Test
    void unknownCommandsGetCobrasSuggestions() {
        CommandResult r = run("kubectl zzzzzz");
        // kubectl really prints this one without a final newline.
        assertEquals("error: unknown command \"zzzzzz\" for \"kubectl\"", r.stderr());
        assertEquals(1, r.exitCode());
        assertEquals("error: unknown command \"version2\" for \"kubectl\"\n\nDid you mean this?\n\tversion\n",
                run("kubectl version2").stderr());
    }

    @Test
    void flagErrorsPointAtTheCommandsHelp() {
        assertEquals("error: unknown flag: --foo\nSee 'kubectl api-resources --help' for usage.\n",
                run("kubectl api-resources --foo").stderr());
        assertEquals("error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n",
                run("kubectl -n x --foo api-resources").stderr());
        assertEquals("error: unexpected arguments: [extra]\nSee 'kubectl api-resources -h' for help and examples\n",
                run("kubectl api-resources extra").stderr());
    }

    @Test
    void versionOfClientAndServer() {
        assertEquals("Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n",
                run("kubectl version").stdout());
        assertEquals("Client Version: v1.32.2\nKustomize Version: v5.5.0\n", run("kubectl version --client").stdout());
        assertEquals("""
                {
                  "clientVersion": {
                    "major": "1",
                    "minor": "32",
                    "gitVersion": "v1.32.2",
                    "gitCommit": "67a30c0adcf52bd3f56ff0893ce19966be12991f",
                    "gitTreeState": "clean",
                    "buildDate": "2025-02-12T21:26:09Z",
                    "goVersion": "go1.23.6",
                    "compiler": "gc",
                    "platform": "linux/amd64"
                  },
                  "kustomizeVersion": "v5.5.0"
                }
                """, run("kubectl version --client -o json").stdout());
        assertTrue(run("kubectl version -o yaml").stdout().startsWith("clientVersion:\n  buildDate: \"2025-02-12T21:26:09Z\"\n"));
    }

    @Test
    void apiResourcesAsKubectlPrintsThem() {
        String out = run("kubectl api-resources --api-group=apps").stdout();
        assertEquals("""
                NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND
                controllerrevisions                apps/v1      true         ControllerRevision
                daemonsets            ds           apps/v1      true         DaemonSet
                deployments           deploy       apps/v1      true         Deployment
                replicasets           rs           apps/v1      true         ReplicaSet
                statefulsets          sts          apps/v1      true         StatefulSet
                """, out);
        String names = run("kubectl api-resources --namespaced=false -o name").stdout();
        assertTrue(names.startsWith("namespaces\nnodes\npersistentvolumes\n"), names);
        assertTrue(names.contains("\nclusterroles.rbac.authorization.k8s.io\n"), names);
        assertTrue(run("kubectl api-versions").stdout().endsWith("storage.k8s.io/v1\nv1\n"));
    }

    @Test
    void theKubeconfigDecidesTheServerAndTheNamespace() {
        assertTrue(run("cat ~/.kube/config").stdout().contains("current-context: kubernetes-admin@kubernetes"));
        assertEquals("error: stat /nowhere: no such file or directory\n", run("kubectl --kubeconfig /nowhere version").stderr());
        assertEquals("Error in configuration: context was not found for specified context: nope\n",
                run("kubectl --context nope version").stderr());
        Shell fresh = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.EPOCH), 2));
        fresh.execute("export KUBECONFIG=/tmp/none");
        CommandResult noConfig = fresh.execute("kubectl api-versions");
        assertEquals("The connection to the server localhost:8080 was refused - did you specify the right host or port?\n",
                noConfig.stderr());
        assertEquals(1, noConfig.exitCode());
        assertEquals("Client Version: v1.32.2\nKustomize Version: v5.5.0\n", fresh.execute("kubectl version --client").stdout(),
                "what needs no server still works");
    }

    @Test
    void helpInKubectlsLayout() {
        String help = run("kubectl version --help").stdout();
        assertTrue(help.startsWith("Print the client and server version information for the current context.\n\nExamples:\n"), help);
        assertTrue(help.contains("Options:\n    --client=false:\n\tIf true, shows client version only (no server required).\n\n"), help);
        assertTrue(help.endsWith("Usage:\n  kubectl version [flags] [options]\n\n"
                + "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n"), help);
        assertTrue(run("kubectl").stdout().startsWith("kubectl controls the Kubernetes cluster manager."));
    }

    @Test
    void explainThroughTheShell() {
        CommandResult r = run("kubectl explain pods.spec.containers.image");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("KIND:       Pod\nVERSION:    v1\n\nFIELD: image <string>\n"), r.stdout());
        assertEquals(1, run("kubectl explain pods.nope").exitCode());
    }

    @Test
    void kubectlInTheShellsPipesAndAliases() {
        run("alias k=kubectl");
        assertEquals("2\n", run("k get pods -n kube-system -o name | grep coredns | wc -l").stdout());
        assertEquals("controlplane\nnode01\nnode02\n", run("kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}'").stdout());
        assertEquals("3\n", run("echo $(kubectl get nodes --no-headers | wc -l)").stdout());
        assertEquals("kube-system\n", run("NS=kube-system; kubectl get ns $NS -o jsonpath='{.metadata.name}'; echo").stdout());
    }

    @Test
    void helpAsACommandAndAliasesInHelp() {
        assertEquals(run("kubectl get --help").stdout(), run("kubectl help get").stdout());
        assertTrue(run("kubectl help create deployment").stdout().contains("\n\nAliases:\ndeployment, deploy\n\n"));
        CommandResult unknown = run("kubectl help foo");
        assertEquals(0, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("Unknown help topic [`foo`]\n\n\nBasic Commands (Beginner):\n  create "),
                unknown.stderr());
    }

    @Test
    void aBareDryRunIsTheOldSpellingOfClient() {
        CommandResult r = run("kubectl create deployment x --image=nginx --dry-run");
        assertEquals("deployment.apps/x created (dry run)\n", r.stdout());
        assertEquals(0, r.exitCode());
        assertEquals("deployment.apps/x created (dry run)\n", run("kubectl create deployment x --dry-run --image=nginx").stdout());
    }
}
