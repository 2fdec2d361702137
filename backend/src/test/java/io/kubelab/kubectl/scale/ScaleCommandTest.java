package io.kubelab.kubectl.scale;

import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl scale} through the shell; texts checked against kubectl 1.32. */
class ScaleCommandTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(6);
        c.create(VerbCluster.deployment("web", 2));
        c.create(VerbCluster.deployment("api", 1));
        c.settle();
    }

    private static void expect(String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    private static long replicas(String name) {
        return c.get("apps/v1", "Deployment", "default", name).orElseThrow().path("spec").path("replicas").asLong();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl scale deploy web                                     | error: required flag(s) "replicas" not set
            kubectl scale deploy/web --replicas=-1                       | error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
            kubectl scale deploy/web --replicas=1 --current-replicas=-2  | error: The --current-replicas must specify an integer of -1 or greater
            kubectl scale deploy --replicas=2                            | error: resource(s) were provided, but no name was specified
            kubectl scale deploy -l app=none --replicas=1                | error: no objects passed to scale
            kubectl scale deploy nope --replicas=1                       | error: no objects passed to scale deployments.apps "nope" not found
            kubectl scale deploy web api --replicas=3 --resource-version=5 | error: cannot use --resource-version with multiple resources
            kubectl scale deploy web --replicas=3 --current-replicas=7   | error: Expected replicas to be 7, was 2
            kubectl scale pod web --replicas=3                           | error: no objects passed to scale pods "web" not found
            """)
    void refusals(String line, String stderr) {
        expect(line, "", stderr + "\n", 1);
        assertEquals(2, replicas("web"));
    }

    @Test
    void scalesThroughTheScaleSubresource() {
        expect("kubectl scale deploy web --replicas=5 --dry-run=client", "deployment.apps/web scaled (dry run)\n", "", 0);
        expect("kubectl scale deploy web --replicas=5 --dry-run=server -o name", "deployment.apps/web\n", "", 0);
        assertEquals(2, replicas("web"));
        expect("kubectl scale deploy web --replicas=3 --current-replicas=2 --timeout=1m", "deployment.apps/web scaled\n", "", 0);
        assertEquals(3, c.get("apps/v1", "Deployment", "default", "web").orElseThrow().path("status").path("replicas").asLong(),
                "--timeout waited for the new pod");
        expect("kubectl scale deploy web api nope --replicas=1", "deployment.apps/web scaled\ndeployment.apps/api scaled\n",
                "Error from server (NotFound): deployments.apps \"nope\" not found\n", 1);
        expect("kubectl scale deploy --all --replicas=2", "deployment.apps/api scaled\ndeployment.apps/web scaled\n", "", 0);
        assertEquals(2, replicas("web"));
        assertEquals(2, replicas("api"));
        expect("kubectl scale deploy -l app=api --replicas=0", "deployment.apps/api scaled\n", "", 0);
        assertEquals(0, replicas("api"));
    }
}
