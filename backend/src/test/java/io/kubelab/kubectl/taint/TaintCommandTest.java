package io.kubelab.kubectl.taint;

import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl taint} through the shell; texts after kubectl 1.32's taint command. */
class TaintCommandTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(12);
    }

    private static void expect(String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    private static String taints(String node) {
        return c.get("v1", "Node", "", node).orElseThrow().path("spec").path("taints").toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl taint a=b:NoSchedule                         | error: one or more resources must be specified as <resource> <name>
            kubectl taint node node02                            | error: at least one taint update is required
            kubectl taint node node02 a=b:NoSchedule x           | error: all resources must be specified before taint changes: x
            kubectl taint pod web a=b:NoSchedule                 | error: invalid resource type pod, only node types are supported
            kubectl taint node a=b:NoSchedule                    | error: at least one resource name must be specified since 'all' parameter is not set
            kubectl taint node node02 a=b:NoSchedule a-          | error: can not both modify and remove the following taint(s) in the same command: a=
            kubectl taint node --all -l x=y a=b:NoSchedule       | error: setting 'all' parameter with a non empty selector is prohibited
            kubectl taint node node02 gone:NoSchedule-           | error: taint "gone:NoSchedule" not found
            kubectl taint node controlplane node-role.kubernetes.io/control-plane:NoSchedule | error: node controlplane already has node-role.kubernetes.io/control-plane taint(s) with same effect(s) and --overwrite is false
            kubectl taint node node09 a=b:NoSchedule             | Error from server (NotFound): nodes "node09" not found
            """)
    void refusals(String line, String stderr) {
        expect(line, "", stderr + "\n", 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            kubectl taint node node02 a=b:Sometimes              | error: invalid taint effect: Sometimes, unsupported taint effect
            kubectl taint node node02 a=b                        | "error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
            kubectl taint node node02 a:NoSchedule a:NoSchedule  | error: duplicated taints with the same key and effect: {a  NoSchedule <nil>}
            """)
    void badSpecsAreUsageErrors(String line, String stderr) {
        expect(line, "", stderr + "\nSee 'kubectl taint -h' for help and examples\n", 1);
    }

    @Test
    void taintsAddedChangedAndRemoved() {
        expect("kubectl taint node node02 dedicated=gpu:NoSchedule --dry-run=client", "node/node02 tainted\n", "", 0);
        assertEquals("", c.get("v1", "Node", "", "node02").orElseThrow().path("spec").path("taints").asText());
        expect("kubectl taint nodes node02 dedicated=gpu:NoSchedule", "node/node02 tainted\n", "", 0);
        assertEquals("[{\"key\":\"dedicated\",\"value\":\"gpu\",\"effect\":\"NoSchedule\"}]", taints("node02"));
        expect("kubectl taint node node02 dedicated=ml:NoSchedule --overwrite", "node/node02 modified\n", "", 0);
        expect("kubectl taint node node02 slow:PreferNoSchedule", "node/node02 tainted\n", "", 0);
        assertEquals("[{\"key\":\"slow\",\"effect\":\"PreferNoSchedule\"},"
                + "{\"key\":\"dedicated\",\"value\":\"ml\",\"effect\":\"NoSchedule\"}]", taints("node02"));
        expect("kubectl taint node node02 dedicated-", "node/node02 untainted\n", "", 0);
        expect("kubectl taint node node02 slow:PreferNoSchedule- -o name", "node/node02\n", "", 0);
        assertEquals("", c.get("v1", "Node", "", "node02").orElseThrow().path("spec").path("taints").asText());
    }
}
