package io.kubelab.kubectl.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.apiserver.openapi.OpenApiV3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kubectl explain} against the real kubectl 1.32: each golden file is what the real binary printed
 * (stdout, stderr, exit code) when pointed at a stub server serving our {@link OpenApiV3} documents, so it
 * checks both that kubectl accepts the documents and that our rendering matches its template byte for byte.
 * To regenerate: run with {@code -Dkubelab.openapi.dump=DIR} to write the documents, serve DIR with
 * {@code kube-stub.py} and run {@code golden/kubectl/explain/regenerate.sh} (the real kubectl); or pass
 * {@code -Dkubelab.golden.update=true} to rewrite them from our output after checking a difference.
 */
class ExplainGoldenTest {

    static final Path DIR = Path.of("src/test/resources/golden/kubectl/explain");

    @BeforeAll
    static void dumpDocuments() throws Exception {
        String dump = System.getProperty("kubelab.openapi.dump");
        if (dump == null) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        Path root = Path.of(dump, "openapi");
        Files.createDirectories(root);
        Files.writeString(root.resolve("v3.json"), json.writeValueAsString(OpenApiV3.index()));
        for (var it = OpenApiV3.index().path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            Path file = root.resolve("v3/" + path + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(OpenApiV3.document(path).orElseThrow()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
            "pods|pods|-|false",
            "pods.spec|pods.spec|-|false",
            "pods.spec.containers.resources|pods.spec.containers.resources|-|false",
            "po.metadata.labels|po.metadata.labels|-|false",
            "deploy.spec.strategy|deploy.spec.strategy|-|false",
            "deployments.apps.spec.replicas|deployments.apps.spec.replicas|-|false",
            "deployment-api-version|deployment|apps/v1|false",
            "svc|svc|-|false",
            "svc.spec.ports.targetPort|svc.spec.ports.targetPort|-|false",
            "cronjob.spec.jobTemplate|cronjob.spec.jobTemplate|-|false",
            "recursive-strategy|deploy.spec.strategy|-|true",
            "recursive-probe|pod.spec.containers.livenessProbe|-|true",
            "configmap|configmap|-|false",
            "hpa.spec.metrics|hpa.spec.metrics|-|false",
            "events|events|-|false",
            "ev.events.k8s.io|events.events.k8s.io|-|false",
            "limits-resources|pods.spec.containers.resources.limits|-|false",
            "no-such-field|pods.spec.foo|-|false",
            "no-such-nested-field|pods.foo.bar|-|false",
            "no-such-resource|foo|-|false",
            "no-such-api-version|deployment|apps/v2|false",
            "containers.ports|pods.spec.containers.ports|-|false",
            "creationTimestamp|pods.metadata.creationTimestamp|-|false",
            "field-under-scalar|svc.spec.ports.port.foo|-|false",
            "deployments.apps|deployments.apps|-|false",
            "trailing-dot|deployment.|-|false",
            "api-version-v1-deploy|deploy|v1|false",
            "kind-word|Pod.spec.os|-|false",
            "case-sensitive-field|pod.Spec|-|false",
            "recursive-nodes|nodes|-|true",
            "tokenreviews|tokenreviews|-|false",
            "ev|ev|-|false",
            "rolebinding.subjects|rolebinding.subjects|-|false",
            "ingress-backend|ingress.spec.rules.http.paths.backend|-|false",
            "deep-limits|cj.spec.jobTemplate.spec.template.spec.containers.resources.limits|-|false",
            "apiservices|apiservices|-|false",
            "lease.renewTime|leases.spec.renewTime|-|false",
            "probe-port|pods.spec.containers.livenessProbe.httpGet.port|-|false",
            "recursive-hpa|hpa|-|true",
            "labels-value|pods.metadata.labels.foo|-|false",
            "index-in-path|pods.spec.containers[0]|-|false",
            "index-on-resource|pods[0]|-|false",
            "double-dot|pods..spec|-|false",
            "dict-key|pods['spec'].os|-|false",
            "uppercase-resource|PODS.spec.os|-|false",
            "api-version-group-only|deploy|apps|false",
            "api-version-three-parts|deploy|a/b/c|false",
            "api-version-index|deploy.spec[0]|apps/v1|false",
            "ambiguous-short-name-error|ev.foo|-|false",
            "unclosed-array|pods.spec[|-|false",
            "bad-character|pods.spec!x|-|false",
    })
    void explainsAsKubectl(String name, String path, String apiVersion, boolean recursive) throws Exception {
        check(name, Explain.explain(path, apiVersion, recursive));
    }

    /** The command's own checks: argument count and {@code --output}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
            "run-no-arguments|-|-",
            "run-two-arguments|pods svc|-",
            "run-unknown-format|pods|foo",
            "run-unknown-format-and-resource|foo|foo",
            "run-unknown-format-and-version|pods.spec|foo",
            "run-openapiv2|pods|plaintext-openapiv2",
            "run-openapiv2-unknown-resource|foo|plaintext-openapiv2",
            "run-plaintext|pods.spec.os|plaintext",
    })
    void runsAsKubectl(String name, String args, String output) throws Exception {
        List<String> words = args == null ? List.of() : List.of(args.split(" "));
        check(name, Explain.run(words, null, false, output));
    }

    private static void check(String name, ExplainResult result) throws Exception {
        String actual = "exit: " + result.exitCode() + "\n--- stdout\n" + result.stdout() + "--- stderr\n"
                + result.stderr();
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("kubelab.golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual);
    }
}
