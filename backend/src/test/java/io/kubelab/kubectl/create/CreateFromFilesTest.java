package io.kubelab.kubectl.create;

import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl create -f} against the API server, with kubectl 1.32's lines and errors. */
class CreateFromFilesTest {

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
            data: {a: "1"}
            """;

    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 3);
        shell = new Shell(cluster);
        shell.execute("cat > f.yaml <<'EOF'\n" + WEB + "EOF");
    }

    private Optional<com.fasterxml.jackson.databind.node.ObjectNode> live(String apiVersion, String kind, String ns, String name) {
        return cluster.api().peek(ResourceTypes.of(apiVersion, kind), ns, name);
    }

    @Test
    void clientDryRunsAsKubectlPrintsThem() throws java.io.IOException {
        java.nio.file.Path dir = GeneratorGoldenTest.DIR;
        GeneratorGoldenTest.copyFiles(shell, dir.resolve("file"), "");
        Transcripts.check(shell, dir.resolve("file-cases.txt"), dir.resolve("file-dry-run.txt"), line -> line);
    }

    @Test
    void createsEveryObjectThenReportsEachThatExists() {
        CommandResult first = shell.execute("kubectl create -f f.yaml");
        assertEquals("deployment.apps/web created\nconfigmap/c created\n", first.stdout());
        assertEquals(0, first.exitCode());
        assertTrue(live("apps/v1", "Deployment", "default", "web").isPresent());
        assertEquals("1", live("v1", "ConfigMap", "default", "c").orElseThrow().path("data").path("a").asText());

        CommandResult again = shell.execute("kubectl create -f f.yaml");
        assertEquals("", again.stdout());
        assertEquals("""
                Error from server (AlreadyExists): error when creating "f.yaml": deployments.apps "web" already exists
                Error from server (AlreadyExists): error when creating "f.yaml": configmaps "c" already exists
                """, again.stderr());
        assertEquals(1, again.exitCode());
    }

    @Test
    void goesOnPastOneBadObject() {
        shell.execute("kubectl create configmap c --from-literal=a=1");
        CommandResult r = shell.execute("kubectl create -f f.yaml");
        assertEquals("deployment.apps/web created\n", r.stdout());
        assertEquals("Error from server (AlreadyExists): error when creating \"f.yaml\": configmaps \"c\" already exists\n",
                r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void refusesAnObjectOfAnotherNamespaceThanTheFlags() {
        shell.execute("kubectl create namespace other");
        shell.execute("cat > o.yaml <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: other\nEOF");
        CommandResult r = shell.execute("kubectl create -f o.yaml -n dev");
        assertEquals("error: the namespace from the provided object \"other\" does not match the namespace \"dev\". "
                + "You must pass '--namespace=other' to perform this operation.\n", r.stderr());
        assertEquals(1, r.exitCode());
        assertEquals("configmap/x created\n", shell.execute("kubectl create -f o.yaml").stdout(),
                "without -n the object's own namespace is used");
        assertTrue(live("v1", "ConfigMap", "other", "x").isPresent());
    }

    @Test
    void dryRunsAndSavedConfiguration() {
        assertEquals("deployment.apps/web created (server dry run)\nconfigmap/c created (server dry run)\n",
                shell.execute("kubectl create -f f.yaml --dry-run=server").stdout());
        assertTrue(live("apps/v1", "Deployment", "default", "web").isEmpty(), "a server dry run stores nothing");
        assertEquals("deployment.apps/web created\nconfigmap/c created\n",
                shell.execute("kubectl create -f f.yaml --save-config").stdout());
        assertEquals("{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{},"
                        + "\"name\":\"c\",\"namespace\":\"default\"}}\n",
                live("v1", "ConfigMap", "default", "c").orElseThrow().path("metadata").path("annotations")
                        .path("kubectl.kubernetes.io/last-applied-configuration").asText());
    }

    @Test
    void readsStdinAndPrintsNames() {
        CommandResult r = shell.execute("cat f.yaml | kubectl create -f - -o name");
        assertEquals("deployment.apps/web\nconfigmap/c\n", r.stdout());
        CommandResult again = shell.execute("cat f.yaml | kubectl create -f - -l app=none");
        assertEquals("error: no objects passed to create\n", again.stderr());
    }

    @Test
    void usageErrors() {
        assertEquals("error: must specify one of -f and -k\n", shell.execute("kubectl create").stderr());
        assertEquals("error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n",
                shell.execute("kubectl create foo").stderr());
        assertEquals("error: the path \"nonexist\" does not exist\n", shell.execute("kubectl create -f nonexist").stderr());
        shell.execute("cat > foo.yaml <<'EOF'\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\nEOF");
        assertEquals("error: resource mapping not found for name: \"x\" namespace: \"\" from \"foo.yaml\": no matches for "
                + "kind \"Foo\" in version \"v1\"\nensure CRDs are installed first\n",
                shell.execute("kubectl create -f foo.yaml -f f.yaml").stderr());
        assertTrue(live("apps/v1", "Deployment", "default", "web").isPresent(), "the other objects are still created");
        CommandResult group = shell.execute("kubectl create service");
        assertTrue(group.stderr().startsWith("Create a service using a specified subcommand."), group.stderr());
        assertEquals(1, group.exitCode());
    }

    @Test
    void generatorsCreateThroughTheApiServer() {
        assertEquals("deployment.apps/web created\n", shell.execute("kubectl create deployment web --image=nginx -n default").stdout());
        assertEquals("error: failed to create deployment: deployments.apps \"web\" already exists\n",
                shell.execute("kubectl create deployment web --image=nginx").stderr());
        assertEquals("Error from server (AlreadyExists): namespaces \"default\" already exists\n",
                shell.execute("kubectl create namespace default").stderr());
        assertEquals("service/web created\n", shell.execute("kubectl create service clusterip web --tcp=80:8080").stdout());
        assertTrue(live("v1", "Service", "default", "web").orElseThrow().path("spec").path("clusterIP").asText()
                .startsWith("10."));
        assertEquals("Error from server (NotFound): namespaces \"nowhere\" not found\n",
                shell.execute("kubectl create configmap x -n nowhere").stderr());
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, ResourceTypes.of("apps/v1", "Deployment"),
                "default", "web"));
    }
}
