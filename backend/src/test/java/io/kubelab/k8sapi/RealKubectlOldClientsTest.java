package io.kubelab.k8sapi;

import io.kubelab.apiserver.openapi.v2.OpenApiV2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kubectl 1.27 and 1.28, which read {@code /openapi/v2} (gnostic protobuf) for apply's patch metadata and
 * field-validation check and for {@code explain --output=plaintext-openapiv2}, work against a sandbox's API:
 * everyday verbs print what they print against a real 1.32 server (unknown fields refused server-side, since
 * the PATCH operation declares {@code fieldValidation}, exactly as kubectl 1.32 reports them).
 */
class RealKubectlOldClientsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
            spec:
              replicas: 1
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: %s
            """;
    private static final String SIDECAR = """
                  - name: side
                    image: busybox
            """;

    private static KubeApiHarness harness;

    @BeforeAll
    static void start() {
        harness = new KubeApiHarness();
        harness.settle();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static RealKubectl.Result run(RealKubectl kubectl, String stdin, Map<String, String> env,
                                          String... args) {
        return harness.kubectl(kubectl, List.of(args), stdin, env, Duration.ZERO);
    }

    private static void expect(String stdout, RealKubectl.Result result) {
        assertEquals(stdout, result.stdout(), result.stderr());
        assertEquals("", result.stderr());
        assertEquals(0, result.exitCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {27, 28})
    void applyCreatesThenConfiguresThenLeavesUnchanged(int minor) {
        RealKubectl kubectl = RealKubectl.version(minor);
        String name = "apply" + minor;
        expect("deployment.apps/" + name + " created\n",
                run(kubectl, DEPLOYMENT.formatted(name, "nginx:1.25"), Map.of(), "apply", "-f", "-"));
        String changed = DEPLOYMENT.formatted(name, "nginx:1.26") + SIDECAR;
        expect("deployment.apps/" + name + " configured\n", run(kubectl, changed, Map.of(), "apply", "-f", "-"));
        expect("deployment.apps/" + name + " unchanged\n", run(kubectl, changed, Map.of(), "apply", "-f", "-"));
        expect("nginx:1.26 busybox", run(kubectl, "", Map.of(), "get", "deploy", name, "-o",
                "jsonpath={.spec.template.spec.containers[*].image}"));
        // dropping the sidecar is a strategic merge patch deleting it by its merge key
        expect("deployment.apps/" + name + " configured\n", run(kubectl, DEPLOYMENT.formatted(name, "nginx:1.26"),
                Map.of(), "apply", "-f", "-"));
        expect("nginx", run(kubectl, "", Map.of(), "get", "deploy", name, "-o",
                "jsonpath={.spec.template.spec.containers[*].name}"));
    }

    @ParameterizedTest
    @ValueSource(ints = {27, 28})
    void applyWithAnUnknownFieldIsRefusedByTheServerAsKubectl132ReportsIt(int minor) {
        RealKubectl kubectl = RealKubectl.version(minor);
        RealKubectl current = RealKubectl.version(32);
        String name = "strict" + minor;
        expect("deployment.apps/" + name + " created\n",
                run(kubectl, DEPLOYMENT.formatted(name, "nginx:1.25"), Map.of(), "apply", "-f", "-"));
        String bogus = DEPLOYMENT.formatted(name, "nginx:1.25").replace("replicas: 1", "replicas: 1\n  bogus: 3");
        RealKubectl.Result old = run(kubectl, bogus, Map.of(), "apply", "-f", "-");
        RealKubectl.Result reference = run(current, bogus, Map.of(), "apply", "-f", "-");
        assertEquals(1, old.exitCode());
        assertTrue(old.stderr().startsWith("Error from server (BadRequest): error when applying patch:\n"),
                old.stderr());
        assertTrue(old.stderr().endsWith("for: \"STDIN\": error when patching \"STDIN\": strict decoding error: "
                + "unknown field \"spec.bogus\"\n"), old.stderr());
        assertEquals(reference.stderr(), old.stderr());
        assertEquals(reference.exitCode(), old.exitCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {27, 28})
    void explainReadsOpenApiV2(int minor) {
        RealKubectl kubectl = RealKubectl.version(minor);
        expect("""
                KIND:     Deployment
                VERSION:  apps/v1

                RESOURCE: strategy <Object>

                DESCRIPTION:

                     DeploymentStrategy describes how to replace existing pods with new ones.

                FIELDS:
                   rollingUpdate\t<Object>

                   type\t<string>
                     Type of deployment. Can be "Recreate" or "RollingUpdate". Default is
                     RollingUpdate.

                """, run(kubectl, "", Map.of(), "explain", "deployment.spec.strategy",
                "--output=plaintext-openapiv2"));
        RealKubectl.Result pod = run(kubectl, "", Map.of(), "explain", "pod", "--recursive",
                "--output=plaintext-openapiv2");
        assertEquals(0, pod.exitCode(), pod.stderr());
        assertEquals("""
                KIND:     Pod
                VERSION:  v1

                DESCRIPTION:
                     Pod is a collection of containers that can run on a host. This resource is
                     created by clients and scheduled onto hosts.

                FIELDS:
                   apiVersion\t<string>
                   kind\t<string>
                   metadata\t<Object>
                      annotations\t<map[string]string>
                """, pod.stdout().lines().limit(12).map(l -> l + "\n").collect(Collectors.joining()));
        // the default explain of these versions reads OpenAPI v3
        RealKubectl.Result v3 = run(kubectl, "", Map.of(), "explain", "deployment.spec.strategy");
        assertTrue(v3.stdout().contains("FIELD: strategy <DeploymentStrategy>\n"), v3.stdout());
    }

    @ParameterizedTest
    @ValueSource(ints = {27, 28})
    void createEditGetDelete(int minor) {
        RealKubectl kubectl = RealKubectl.version(minor);
        String name = "edit" + minor;
        expect("deployment.apps/" + name + " created\n",
                run(kubectl, DEPLOYMENT.formatted(name, "nginx:1.25"), Map.of(), "create", "-f", "-"));
        expect("deployment.apps/" + name + " edited\n", run(kubectl, "",
                Map.of("KUBE_EDITOR", "sed -i s/nginx:1.25/nginx:1.27/"), "edit", "deployment/" + name));
        expect("""
                NAME     READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
                %s   0/1     0            0           0s    nginx        nginx:1.27   app=web
                """.formatted(name), run(kubectl, "", Map.of(), "get", "deploy", name, "-o", "wide"));
        expect("deployment.apps \"" + name + "\" deleted\n", run(kubectl, "", Map.of(), "delete", "deploy", name));
        RealKubectl.Result gone = run(kubectl, "", Map.of(), "get", "deploy", name);
        assertEquals("Error from server (NotFound): deployments.apps \"" + name + "\" not found\n", gone.stderr());
    }

    @ParameterizedTest
    @ValueSource(ints = {27, 28})
    void applyOfSeveralKindsMergesByTheirPatchMetadata(int minor) {
        RealKubectl kubectl = RealKubectl.version(minor);
        String objects = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm%1$d}
                data: {a: "1"}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: svc%1$d}
                spec:
                  selector: {app: web}
                  ports:
                  - {name: http, port: 80, targetPort: 8080}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: cron%1$d}
                spec:
                  schedule: "*/5 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers:
                          - {name: job, image: busybox}
                """.formatted(minor);
        expect("configmap/cm%1$d created\nservice/svc%1$d created\ncronjob.batch/cron%1$d created\n".formatted(minor),
                run(kubectl, objects, Map.of(), "apply", "-f", "-"));
        String changed = objects.replace("a: \"1\"", "a: \"2\"")
                .replace("- {name: http, port: 80, targetPort: 8080}",
                        "- {name: http, port: 80, targetPort: 8080}\n  - {name: https, port: 443, targetPort: 8443}")
                .replace("image: busybox", "image: busybox:1.36");
        expect("configmap/cm%1$d configured\nservice/svc%1$d configured\ncronjob.batch/cron%1$d configured\n"
                .formatted(minor), run(kubectl, changed, Map.of(), "apply", "-f", "-"));
        expect("http:80 https:443 ", run(kubectl, "", Map.of(), "get", "svc", "svc" + minor, "-o",
                "jsonpath={range .spec.ports[*]}{.name}:{.port} {end}"));
        expect("configmap/cm%1$d unchanged\nservice/svc%1$d unchanged\ncronjob.batch/cron%1$d unchanged\n"
                .formatted(minor), run(kubectl, changed, Map.of(), "apply", "-f", "-"));
    }

    @Test
    void openApiV2NegotiatesItsFormatAndRevalidatesByEtag() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url = "http://127.0.0.1:" + harness.port() + "/k8s/harness/openapi/v2";
        record Case(String accept, String ifNoneMatch, int status, String contentType) {
        }
        for (Case c : List.of(
                new Case(OpenApiV2.PROTOBUF_ACCEPT, "", 200, OpenApiV2.PROTOBUF),
                new Case("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", "", 200, OpenApiV2.PROTOBUF),
                new Case("application/json", "", 200, "application/json"),
                new Case("*/*", "", 200, "application/json"),
                new Case("application/json;q=0.5, " + OpenApiV2.PROTOBUF_ACCEPT, "", 200, OpenApiV2.PROTOBUF),
                new Case(OpenApiV2.PROTOBUF_ACCEPT, OpenApiV2.etag(), 304, null),
                new Case("application/json", "W/" + OpenApiV2.etag(), 304, null),
                new Case("application/json", "\"other\"", 200, "application/json"),
                new Case("text/html", "", 406, null))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", c.accept());
            if (!c.ifNoneMatch().isEmpty()) {
                request.header("If-None-Match", c.ifNoneMatch());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(c.status(), response.statusCode(), c.toString());
            assertEquals("Accept", response.headers().firstValue("Vary").orElse(""), c.toString());
            if (c.contentType() != null) {
                assertEquals(c.contentType(), response.headers().firstValue("Content-Type").orElse(""));
                assertEquals(OpenApiV2.etag(), response.headers().firstValue("ETag").orElse(""));
                int size = (c.contentType().equals("application/json") ? OpenApiV2.json() : OpenApiV2.protobuf())
                        .remaining();
                assertEquals(size, response.body().length, c.toString());
            } else {
                assertEquals(0, response.body().length, c.toString());
            }
        }
    }
}
