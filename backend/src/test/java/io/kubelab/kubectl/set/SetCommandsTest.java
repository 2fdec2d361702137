package io.kubelab.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.mutate.VerbCluster;
import io.kubelab.shell.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl set image|resources|serviceaccount|env} through the shell; texts checked against kubectl 1.32. */
class SetCommandsTest {

    private static VerbCluster c;

    @BeforeAll
    static void cluster() {
        c = new VerbCluster(13);
        c.create(VerbCluster.deployment("web", 1));
        c.create("{apiVersion: v1, kind: ConfigMap, metadata: {name: settings}, data: {log.level: debug, mode: fast}}");
        c.settle();
    }

    private static void expect(String line, String stdout, String stderr, int code) {
        CommandResult r = c.run(line);
        assertEquals(stdout, r.stdout(), line);
        assertEquals(stderr, r.stderr(), line);
        assertEquals(code, r.exitCode(), line);
    }

    private static JsonNode container() {
        return c.get("apps/v1", "Deployment", "default", "web").orElseThrow()
                .path("spec").path("template").path("spec").path("containers").path(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl set image deploy/web                        | error: at least one image update is required
            kubectl set image deploy/web foo=x                  | error: unable to find container named "foo"
            kubectl set image deploy/web '*=x' a=b              | error: all containers are already specified by *, but saw more than one container_name=container_image pairs
            kubectl set image deploy/nope a=b                   | Error from server (NotFound): deployments.apps "nope" not found
            kubectl set resources deploy/web                    | error: you must specify an update to requests or limits (in the form of --requests/--limits)
            kubectl set resources deploy/web --limits=cpu=1 -c foo | error: unable to find container named foo
            kubectl set resources deploy/web --limits=cpu       | error: Invalid argument syntax cpu, expected <resource>=<value>
            kubectl set env deploy/web A=1 B                    | error: all resources must be specified before environment changes: deploy/web A=1 B
            kubectl set env deploy/web --list -o yaml           | error: --list and --output may not be specified together
            """)
    void refusals(String line, String stderr) {
        expect(line, "", stderr + "\n", 1);
    }

    @Test
    void withoutResourcesKubectlListsTheWaysToNameThem() {
        assertEquals(true, c.run("kubectl set image").stderr().startsWith(
                "error: You must provide one or more resources by argument or filename.\n"));
    }

    @Test
    void imagesResourcesAndServiceAccounts() {
        expect("kubectl set image deploy/web nginx=nginx:1.28 --dry-run=client", "deployment.apps/web image updated (dry run)\n", "", 0);
        expect("kubectl set image deploy/web nginx=nginx:1.27", "", "", 0);
        expect("kubectl set image deployment/web nginx=nginx:1.28", "deployment.apps/web image updated\n", "", 0);
        assertEquals("nginx:1.28", container().path("image").asText());
        expect("kubectl set image deploy -l app=web '*=nginx:1.29'", "deployment.apps/web image updated\n", "", 0);
        assertEquals("nginx:1.29", container().path("image").asText());
        expect("kubectl set resources deploy/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m",
                "deployment.apps/web resource requirements updated\n", "", 0);
        assertEquals("200m", container().path("resources").path("limits").path("cpu").asText());
        assertEquals("100m", container().path("resources").path("requests").path("cpu").asText());
        expect("kubectl set sa deploy/web robot --dry-run=client", "deployment.apps/web serviceaccount updated (dry run)\n", "", 0);
        expect("kubectl set serviceaccount deploy web robot", "deployment.apps/web serviceaccount updated\n", "", 0);
        assertEquals("robot", c.get("apps/v1", "Deployment", "default", "web").orElseThrow()
                .path("spec").path("template").path("spec").path("serviceAccountName").asText());
    }

    @Test
    void environment() {
        expect("kubectl set env deploy/web --list", "# Deployment web, container nginx\n", "", 0);
        expect("kubectl set env deploy/web A- --dry-run=client", "", "", 0);
        expect("kubectl set env deploy/web A=1 B=2", "deployment.apps/web env updated\n", "", 0);
        expect("kubectl set env deploy/web A=3 --overwrite=false", "",
                "error: 'A' already has a value (1), and --overwrite is false\n", 1);
        expect("kubectl set env deploy/web A- --from=configmap/settings --prefix=APP_", "deployment.apps/web env updated\n", "", 0);
        expect("kubectl set env deploy/web --list", """
                # Deployment web, container nginx
                B=2
                # APP_LOG_LEVEL from configmap settings, key log.level
                # APP_MODE from configmap settings, key mode
                """, "", 0);
    }

    @Test
    void selectorsOfServices() {
        c.create("{apiVersion: v1, kind: Service, metadata: {name: front}, spec: {selector: {app: web, tier: a}, ports: [{port: 80}]}}");
        expect("kubectl set selector deploy/web a=b --dry-run=client", "",
                "error: setting a selector is only supported for Services\n", 1);
        expect("kubectl set selector svc/front app=web,track=canary", "service/front selector updated\n", "", 0);
        assertEquals("{\"app\":\"web\",\"track\":\"canary\"}", c.get("v1", "Service", "default", "front").orElseThrow()
                .path("spec").path("selector").toString());
    }
}
