package io.kubelab.kubectl.delete;

import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl delete} through the shell; texts checked against kubectl 1.32. */
class DeleteCommandTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(5);
    }

    private static void expect(String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl delete pod                               | error: resource(s) were provided, but no name was specified
            kubectl delete pod x --now --grace-period=3      | error: --now and --grace-period cannot be specified together
            kubectl delete pod x --force --grace-period=3    | error: --force and --grace-period greater than 0 cannot be specified together
            kubectl delete pods --all -l a=b                 | 'error: setting ''all'' parameter but found a non empty selector. '
            kubectl delete pod x -o yaml                     | error: unexpected -o output mode: yaml. We only support '-o name'
            kubectl delete pod x --cascade=foo               | error: invalid cascade value (foo). Must be "background", "foreground", or "orphan"
            kubectl delete pod x --dry-run=maybe             | error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
            kubectl delete pod x -l a=b                      | error: name cannot be provided when a selector is specified
            kubectl delete pod/x -l a=b                      | error: selectors and the all flag cannot be used when passing resource/name arguments
            kubectl delete pod nope                          | Error from server (NotFound): pods "nope" not found
            kubectl delete pod nope nope2                    | Error from server (NotFound): pods "nope" not found\\nError from server (NotFound): pods "nope2" not found
            kubectl delete flurb x                           | error: the server doesn't have a resource type "flurb"
            """)
    void refusals(String line, String stderr) {
        expect(line, "", stderr.replace("\\n", "\n") + "\n", 1);
    }

    @Test
    void withoutArgumentsKubectlListsTheWaysToNameResources() {
        expect("kubectl delete", "", """
                error: You must provide one or more resources by argument or filename.
                Example resource specifications include:
                   '-f rsrc.yaml'
                   '--filename=rsrc.json'
                   '<resource> <name>'
                   '<resource>'
                """, 1);
    }

    @Test
    void aPodIsDeletedAfterItsGracefulTermination() {
        c.create(VerbCluster.pod("graceful", "app: graceful"));
        c.settle();
        Instant before = c.cluster.clock().now();
        expect("kubectl delete pod graceful", "pod \"graceful\" deleted\n", "", 0);
        assertTrue(c.get("v1", "Pod", "default", "graceful").isEmpty(), "gone when delete returns");
        assertTrue(c.cluster.clock().now().isAfter(before), "delete waited for the kubelet");
    }

    @Test
    void forceAndNoWaitAndDryRun() {
        c.create(VerbCluster.pod("forced", "app: forced"));
        c.create(VerbCluster.pod("kept", "app: kept"));
        c.settle();
        expect("kubectl delete pod forced --force", "pod \"forced\" force deleted\n", Deletion.FORCE_WARNING, 0);
        assertTrue(c.get("v1", "Pod", "default", "forced").isEmpty());
        expect("kubectl delete pod kept --dry-run=client", "pod \"kept\" deleted (dry run)\n", "", 0);
        expect("kubectl delete pod kept --dry-run=server -o name", "pod/kept\n", "", 0);
        expect("kubectl delete pod kept --grace-period=0 --dry-run=client", "pod \"kept\" deleted (dry run)\n", "", 0);
        assertTrue(c.get("v1", "Pod", "default", "kept").isPresent());
        expect("kubectl delete pod kept --wait=false", "pod \"kept\" deleted\n", "", 0);
        assertTrue(c.get("v1", "Pod", "default", "kept").orElseThrow().path("metadata").has("deletionTimestamp"),
                "still terminating: nobody waited");
    }

    @Test
    void selectorsAndTheWholeNamespace() {
        c.create(VerbCluster.pod("sel-a", "tier: sel"));
        c.create(VerbCluster.pod("sel-b", "tier: sel"));
        c.settle();
        expect("kubectl delete pods -l tier=none", "No resources found\n", "", 0);
        expect("kubectl delete pods -l tier=sel --now", "pod \"sel-a\" deleted\npod \"sel-b\" deleted\n", "", 0);
        assertFalse(c.get("v1", "Pod", "default", "sel-b").isPresent());
        expect("kubectl delete pod sel-a --ignore-not-found", "", "", 0);
        expect("kubectl delete node node09 -n default --dry-run=client", "node \"node09\" deleted (dry run)\n",
                Deletion.CLUSTER_SCOPE_WARNING, 0);
    }

    @Test
    void aDeploymentAndItsPodsGoInTheBackground() {
        c.create(VerbCluster.deployment("gone", 2));
        c.settle();
        expect("kubectl delete deployment.apps/gone", "deployment.apps \"gone\" deleted\n", "", 0);
        c.settle();
        assertTrue(c.get("apps/v1", "Deployment", "default", "gone").isEmpty());
        expect("kubectl delete pods -l app=gone", "No resources found\n", "", 0);
    }

    @Test
    void manifestsNameTheirFileInErrors() {
        c.run("cat > cm.yaml <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file\nEOF");
        expect("kubectl delete -f cm.yaml", "", "Error from server (NotFound): error when deleting \"cm.yaml\": "
                + "configmaps \"from-file\" not found\n", 1);
        c.create("{apiVersion: v1, kind: ConfigMap, metadata: {name: from-file}}");
        expect("kubectl delete -f cm.yaml", "configmap \"from-file\" deleted\n", "", 0);
        expect("kubectl delete -f cm.yaml configmap", "", "error: when paths, URLs, or stdin is provided as input, "
                + "you may not specify resource arguments as well\n", 1);
    }

    @Test
    void interactiveDeletionAsksFirst() {
        c.create(VerbCluster.pod("asked", "app: asked"));
        String prompt = "You are about to delete the following 1 resource(s):\npod/asked\nDo you want to continue? (y/n): ";
        expect("echo n | kubectl delete pod asked -i", prompt + "deletion is cancelled\n", "", 0);
        expect("kubectl delete pod asked -i", prompt + "deletion is cancelled\n", "", 0);
        expect("echo y | kubectl delete pod asked -i --now", prompt + "pod \"asked\" deleted\n", "", 0);
        assertTrue(c.get("v1", "Pod", "default", "asked").isEmpty());
    }

    @Test
    void foregroundDeletionWaitsForTheDependents() {
        c.create(VerbCluster.deployment("fg", 2));
        c.settle();
        expect("kubectl delete deployment fg --cascade=foreground", "deployment.apps \"fg\" deleted\n", "", 0);
        assertTrue(c.get("apps/v1", "Deployment", "default", "fg").isEmpty());
        assertTrue(c.cluster.api().peekAll(io.kubelab.model.ResourceTypes.of("v1", "Pod"), "default").stream()
                .noneMatch(p -> p.path("metadata").path("name").asText().startsWith("fg-")), "the pods went first");
    }
}
