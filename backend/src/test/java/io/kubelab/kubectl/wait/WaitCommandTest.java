package io.kubelab.kubectl.wait;

import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl wait} through the shell, in simulated time; texts checked against kubectl 1.32. */
class WaitCommandTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(14);
    }

    private static void expect(String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl wait deploy/web                                | error: unrecognized condition: ""
            kubectl wait deploy/web --for=foo                      | error: unrecognized condition: "foo"
            kubectl wait deploy/web --for=jsonpath=                | error: jsonpath expression cannot be empty
            kubectl wait deploy --for=delete                       | error: resource(s) were provided, but no name was specified
            kubectl wait deploy -l x=y --for=condition=Available   | error: no matching resources found
            kubectl wait deploy/nope --for=condition=Available     | Error from server (NotFound): deployments.apps "nope" not found
            """)
    void refusals(String line, String stderr) {
        expect(line, "", stderr + "\n", 1);
    }

    @Test
    void waitsInSimulatedTime() {
        expect("kubectl wait deploy/nope --for=delete", "", "", 0);
        c.create(VerbCluster.pod("w1", "app: w1"));
        Instant start = c.cluster.clock().now();
        expect("kubectl wait --for=condition=Ready pod/w1", "pod/w1 condition met\n", "", 0);
        assertTrue(c.cluster.clock().now().isAfter(start), "the pod needed time to start");
        expect("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/w1", "pod/w1 condition met\n", "", 0);
        expect("kubectl wait --for=jsonpath=.status.phase pod/w1 -o name", "pod/w1\n", "", 0);
        expect("kubectl wait --for=condition=Ready=false pod/w1 --timeout=5s", "",
                "error: timed out waiting for the condition on pods/w1\n", 1);
        c.run("kubectl delete pod w1 --wait=false");
        expect("kubectl wait --for=delete pod/w1 --timeout=2m", "pod/w1 condition met\n", "", 0);
        Instant before = c.cluster.clock().now();
        expect("kubectl wait --for=create pod/later --timeout=10s", "",
                "error: timed out waiting for the condition on pods/later\n", 1);
        assertEquals(Duration.ofSeconds(10), Duration.between(before, c.cluster.clock().now()));
    }
}
