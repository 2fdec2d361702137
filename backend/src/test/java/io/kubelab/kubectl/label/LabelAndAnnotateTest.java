package io.kubelab.kubectl.label;

import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code kubectl label} and {@code kubectl annotate} through the shell; texts checked against kubectl 1.32. */
class LabelAndAnnotateTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(8);
        c.create(VerbCluster.deployment("web", 1));
        c.create(VerbCluster.pod("p1", "tier: a"));
        c.create(VerbCluster.pod("p2", "tier: a"));
        c.settle();
    }

    private static void expect(String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    private static String label(String kind, String name, String key) {
        String apiVersion = kind.equals("Pod") ? "v1" : "apps/v1";
        return c.get(apiVersion, kind, "default", name).orElseThrow().path("metadata").path("labels").path(key).asText(null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl label deploy web                          | error: at least one label update is required
            kubectl label app=x                               | error: one or more resources must be specified as <resource> <name> or <resource>/<name>
            kubectl label deploy web a=b c                    | error: all resources must be specified before label changes: c
            kubectl label deploy web a=b=c                    | error: invalid label spec: a=b=c
            kubectl label deploy web a=b a-                   | error: can not both modify and remove a label in the same command
            kubectl label deploy web app=x                    | error: 'app' already has a value (web), and --overwrite is false
            kubectl label deploy web --list -o yaml           | error: --list and --output may not be specified together
            kubectl label deploy web web x=y --resource-version=3 | error: --resource-version may only be used with a single resource
            kubectl label deploy web a=b -l x=y               | error: name cannot be provided when a selector is specified
            kubectl label pods --all -l x=y a=b               | error: cannot set --all and --selector at the same time
            kubectl label deploy nope a=b                     | Error from server (NotFound): deployments.apps "nope" not found
            kubectl annotate deploy web                       | error: at least one annotation update is required
            kubectl annotate deploy web deployment.kubernetes.io/revision=2 | error: --overwrite is false but found the following declared annotation(s): 'deployment.kubernetes.io/revision' already has a value (1)
            kubectl annotate deploy web b=c a                 | error: all resources must be specified before annotation changes: a
            kubectl annotate deploy web a=b a-                | error: can not both modify and remove the following annotation(s) in the same command: a
            """)
    void refusals(String line, String stderr) {
        expect(line, "", stderr + "\n", 1);
    }

    @Test
    void invalidValuesInKubernetesWords() {
        expect("kubectl label deploy web 'a=b c'", "", "error: invalid label value: \"a=b c\": a valid label must be an "
                + "empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n", 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl label deploy web app=web --dry-run=client            | deployment.apps/web not labeled (dry run)
            kubectl label deploy web app=x --overwrite --dry-run=client  | deployment.apps/web labeled (dry run)
            kubectl label deploy web app- --dry-run=client               | deployment.apps/web unlabeled (dry run)
            kubectl label deploy web app- --overwrite --dry-run=client   | deployment.apps/web labeled (dry run)
            kubectl label deploy web foo- --dry-run=client               | deployment.apps/web not labeled (dry run)
            kubectl annotate deploy web deployment.kubernetes.io/revision=1 --dry-run=client | deployment.apps/web annotated (dry run)
            """)
    void theMessagesOfADryRun(String line, String stdout) {
        expect(line, stdout + "\n", "", 0);
        assertEquals("web", label("Deployment", "web", "app"));
    }

    @Test
    void labelsChangeOnTheServer() {
        expect("kubectl label pod p1 color=red", "pod/p1 labeled\n", "", 0);
        assertEquals("red", label("Pod", "p1", "color"));
        expect("kubectl label pod p1 color=blue --overwrite -o name", "pod/p1\n", "", 0);
        assertEquals("blue", label("Pod", "p1", "color"));
        expect("kubectl label pod p1 color- nothere-", "label \"nothere\" not found.\npod/p1 unlabeled\n", "", 0);
        assertEquals(null, label("Pod", "p1", "color"));
        expect("kubectl label pods -l tier=a shape=round", "pod/p1 labeled\npod/p2 labeled\n", "", 0);
        expect("kubectl label pods p1 p2 nope shape=square", "", "'shape' already has a value (round), and "
                + "--overwrite is false\n'shape' already has a value (round), and --overwrite is false\n"
                + "Error from server (NotFound): pods \"nope\" not found\n", 1);
        expect("kubectl label pod/p2 --list", "shape=round\ntier=a\n", "", 0);
        expect("kubectl label pods p1 p2 --list", "Listing labels for Pod./p1:\n shape=round\n tier=a\n"
                + "Listing labels for Pod./p2:\n shape=round\n tier=a\n", "", 0);
        expect("kubectl label pod p2 x=y --resource-version=1", "", "Error from server (Conflict): Operation cannot be "
                + "fulfilled on pods \"p2\": the object has been modified; please apply your changes to the latest "
                + "version and try again\n", 1);
        assertFalse(c.run("kubectl label pod p2 x=y --dry-run=server").stdout().isEmpty());
        assertEquals(null, label("Pod", "p2", "x"));
    }

    @Test
    void annotationsChangeOnTheServer() {
        expect("kubectl annotate deploy web owner=team-a", "deployment.apps/web annotated\n", "", 0);
        expect("kubectl annotate deploy web owner=team-b --overwrite", "deployment.apps/web annotated\n", "", 0);
        expect("kubectl annotate deploy/web --list", "deployment.kubernetes.io/revision=1\nowner=team-b\n", "", 0);
        expect("kubectl annotate deploy web owner- missing-", "deployment.apps/web annotated\n", "", 0);
        expect("kubectl annotate deploy web --list", "deployment.kubernetes.io/revision=1\n", "", 0);
    }
}
