package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write paths of the HTTP Kubernetes API, without a kubectl: bodies, media types, codes, options, warnings. */
class KubeApiWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CM = "/api/v1/namespaces/default/configmaps";
    private static final String DEPLOY = "/apis/apps/v1/namespaces/default/deployments";

    private static KubeApi api;

    /** A request's answer: status, headers and the body as JSON. */
    record Answer(int status, List<String[]> headers, JsonNode body) {
        String header(String name) {
            return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).reduce((a, b) -> a + "|" + b).orElse("");
        }

        String message() {
            return body.path("message").asText();
        }
    }

    @BeforeAll
    static void start() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(KubeApiHarness.START), 1);
        api = new KubeApi(cluster);
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
    }

    private static Answer call(String method, String pathAndQuery, String contentType, String body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (!contentType.isEmpty()) {
            headers.put("content-type", contentType);
        }
        headers.put("accept", "application/json");
        KubeResponse[] reply = new KubeResponse[1];
        api.serve(new KubeRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8)),
                new KubeExchange() {
                    @Override
                    public void reply(KubeResponse response) {
                        reply[0] = response;
                    }

                    @Override
                    public Stream stream(String type, Duration limit) {
                        throw new AssertionError("a write does not stream");
                    }
                });
        try {
            return new Answer(reply[0].status(), reply[0].headers(), JSON.readTree(reply[0].body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String configMap(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"a\":\"1\"}}";
    }

    private static String deployment(String name) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":"
                + "{\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}";
    }

    @Test
    void bodiesInJsonYamlAndWithoutContentType() {
        record Case(String contentType, String body, String name) {
        }
        for (Case c : List.of(
                new Case("application/json", configMap("json"), "json"),
                new Case("application/json; charset=utf-8", configMap("charset"), "charset"),
                new Case("application/yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: yaml\n", "yaml"),
                // client-go's scale client sends no Content-Type: kube-apiserver reads JSON, its first type.
                new Case("", configMap("bare"), "bare"))) {
            Answer created = call("POST", CM, c.contentType(), c.body());
            assertEquals(201, created.status(), c.name());
            assertEquals(c.name(), created.body().path("metadata").path("name").asText());
            assertEquals(200, call("GET", CM + "/" + c.name(), "", "").status(), c.name());
        }
    }

    @Test
    void refusals() {
        call("POST", CM, "application/json", configMap("refused"));
        record Case(String method, String path, String contentType, String body, int status, String reason,
                    String message) {
        }
        for (Case c : List.of(
                new Case("POST", CM, "text/plain", "{}", 415, "UnsupportedMediaType", "the body of the request was in an "
                        + "unknown format - accepted media types include: application/json, application/yaml, "
                        + "application/vnd.kubernetes.protobuf"),
                new Case("PATCH", CM + "/refused", "text/plain", "{}", 415, "UnsupportedMediaType", "the body of the "
                        + "request was in an unknown format - accepted media types include: application/json-patch+json, "
                        + "application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json"),
                new Case("POST", CM + "/refused", "application/json", configMap("refused"), 405, "MethodNotAllowed",
                        "the server does not allow this method on the requested resource"),
                new Case("POST", CM, "application/json", configMap("x" + "y".repeat(3 * 1024 * 1024)), 413,
                        "RequestEntityTooLarge", "Request entity too large: limit is 3145728"),
                new Case("POST", CM, "application/json", configMap("refused"), 409, "AlreadyExists",
                        "configmaps \"refused\" already exists"),
                new Case("POST", CM + "?dryRun=Some", "application/json", configMap("dry"), 400, "BadRequest",
                        "Invalid dry run value: \"Some\": supported values: \"All\""),
                new Case("POST", CM + "?fieldValidation=Loose", "application/json", configMap("fv"), 400, "BadRequest",
                        "fieldValidation: Unsupported value: \"Loose\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
                new Case("POST", CM + "?fieldValidation=Strict", "application/json",
                        configMap("strict").replace("\"data\"", "\"foo\":1,\"data\""), 400, "BadRequest",
                        "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"foo\""),
                new Case("PUT", CM + "/refused", "application/json",
                        configMap("refused").replace("\"name\":\"refused\"", "\"name\":\"refused\",\"resourceVersion\":\"1\""),
                        409, "Conflict", "Operation cannot be fulfilled on configmaps \"refused\": the object has been "
                        + "modified; please apply your changes to the latest version and try again"),
                new Case("DELETE", CM + "/refused", "application/json",
                        "{\"orphanDependents\":true,\"propagationPolicy\":\"Foreground\"}", 422, "Invalid",
                        "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Invalid value: \"Foreground\": "
                        + "orphanDependents and deletionPropagation cannot be both set"),
                new Case("DELETE", CM + "/refused?propagationPolicy=Sideways", "", "", 422, "Invalid",
                        "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"Sideways\": "
                        + "supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""),
                new Case("DELETE", CM + "/refused", "application/json", "{\"preconditions\":{\"uid\":\"nope\"}}", 409,
                        "Conflict", "Operation cannot be fulfilled on configmaps \"refused\": Precondition failed: UID "
                        + "in precondition: nope, UID in object meta: "),
                new Case("PATCH", CM + "/refused", "application/json-patch+json",
                        "[{\"op\":\"remove\",\"path\":\"/metadata/annotations/none\"}]", 422, "Invalid",
                        "the server rejected our request due to an error in our request"),
                // Malformed JSON: Go's syntax error, worded around as each decoder does.
                new Case("POST", CM, "application/json", "{not json", 400, "BadRequest", "the object provided is "
                        + "unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: invalid "
                        + "character 'n' looking for beginning of object key string ({not json)"),
                new Case("PATCH", CM + "/refused", "application/strategic-merge-patch+json", "{not json", 400,
                        "BadRequest", "invalid character 'n' looking for beginning of object key string"),
                new Case("PATCH", CM + "/refused", "application/merge-patch+json", "{not json", 400, "BadRequest",
                        "error decoding patch: invalid character 'n' looking for beginning of object key string"),
                new Case("PATCH", CM + "/refused?fieldValidation=Ignore", "application/merge-patch+json", "{not json",
                        400, "BadRequest", "Invalid JSON Patch"),
                new Case("PATCH", CM + "/refused", "application/json-patch+json", "[{", 400, "BadRequest",
                        "unexpected end of JSON input"))) {
            Answer answer = call(c.method(), c.path(), c.contentType(), c.body());
            assertEquals(c.status(), answer.status(), c.method() + " " + c.path() + ": " + answer.body());
            assertEquals(c.reason(), answer.body().path("reason").asText(), c.method() + " " + c.path());
            assertTrue(answer.message().startsWith(c.message()), answer.message());
        }
    }

    @Test
    void unknownFieldsWarnAndAreDropped() {
        Answer created = call("POST", CM + "?fieldManager=tester", "application/json",
                configMap("warned").replace("\"data\"", "\"foo\":1,\"spec\":{\"bar\":2},\"data\""));
        assertEquals(201, created.status());
        assertEquals("299 - \"unknown field \\\"foo\\\"\"|299 - \"unknown field \\\"spec\\\"\"", created.header("Warning"));
        Answer read = call("GET", CM + "/warned", "", "");
        assertEquals(List.of("apiVersion", "data", "kind", "metadata"), sortedNames(read.body()));
        Answer ignored = call("POST", CM + "?fieldValidation=Ignore", "application/json",
                configMap("ignored").replace("\"data\"", "\"foo\":1,\"data\""));
        assertEquals(201, ignored.status());
        assertEquals("", ignored.header("Warning"));
        assertEquals(List.of("apiVersion", "data", "kind", "metadata"), sortedNames(ignored.body()));
    }

    private static List<String> sortedNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    @Test
    void dryRunOnEveryVerbChangesNothing() {
        call("POST", CM, "application/json", configMap("kept"));
        record Case(String method, String path, String contentType, String body, int status) {
        }
        for (Case c : List.of(
                new Case("POST", CM + "?dryRun=All", "application/json", configMap("never"), 201),
                new Case("PUT", CM + "/kept?dryRun=All", "application/json", configMap("kept").replace("\"1\"", "\"2\""), 200),
                new Case("PATCH", CM + "/kept?dryRun=All", "application/merge-patch+json", "{\"data\":{\"a\":\"3\"}}", 200),
                new Case("DELETE", CM + "/kept?dryRun=All", "", "", 200),
                new Case("DELETE", CM + "/kept", "application/json", "{\"dryRun\":[\"All\"]}", 200))) {
            assertEquals(c.status(), call(c.method(), c.path(), c.contentType(), c.body()).status(), c.method());
        }
        assertEquals(404, call("GET", CM + "/never", "", "").status());
        assertEquals("1", call("GET", CM + "/kept", "", "").body().path("data").path("a").asText());
    }

    @Test
    void updatesAndPatchesInEveryType() {
        call("POST", CM, "application/json", configMap("patched"));
        record Case(String method, String contentType, String body, String expected) {
        }
        for (Case c : List.of(
                new Case("PUT", "application/yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: patched\ndata:\n  a: put\n", "put"),
                new Case("PATCH", "application/merge-patch+json", "{\"data\":{\"a\":\"merge\"}}", "merge"),
                new Case("PATCH", "application/strategic-merge-patch+json", "{\"data\":{\"a\":\"smp\"}}", "smp"),
                new Case("PATCH", "application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"json\"}]", "json"))) {
            Answer answer = call(c.method(), CM + "/patched?fieldManager=tester", c.contentType(), c.body());
            assertEquals(200, answer.status(), c.contentType() + ": " + answer.body());
            assertEquals(c.expected(), answer.body().path("data").path("a").asText());
        }
    }

    @Test
    void deleteCodesAndOptions() {
        record Case(String name, String options, int status, boolean terminating) {
        }
        for (Case c : List.of(
                new Case("background", "{\"propagationPolicy\":\"Background\"}", 200, false),
                // A foreground delete leaves the object terminating, and still answers 200.
                new Case("foreground", "{\"propagationPolicy\":\"Foreground\"}", 200, true),
                // The deprecated orphanDependents=false means foreground, and then kube-apiserver answers 202.
                new Case("accepted", "{\"orphanDependents\":false}", 202, true),
                new Case("orphaned", "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\"}", 200, true),
                new Case("yaml", "propagationPolicy: Background\ngracePeriodSeconds: 0\n", 200, false))) {
            assertEquals(201, call("POST", DEPLOY, "application/json", deployment(c.name())).status());
            String type = c.options().startsWith("{") ? "application/json" : "application/yaml";
            Answer answer = call("DELETE", DEPLOY + "/" + c.name(), type, c.options());
            assertEquals(c.status(), answer.status(), c.name() + ": " + answer.body());
            assertEquals(c.terminating(), answer.body().path("metadata").has("deletionTimestamp"), c.name());
        }
        assertEquals(404, call("DELETE", DEPLOY + "/none?orphanDependents=false", "", "").status());
    }

    /** kubectl apply validates on the server only when the kind's PATCH operation declares fieldValidation. */
    @Test
    void openApiPatchOperationsDeclareFieldValidation() {
        Answer index = call("GET", "/openapi/v3", "", "");
        String url = index.body().path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
        assertTrue(url.startsWith("/openapi/v3/apis/apps/v1"), url);
        JsonNode patch = call("GET", url, "", "").body().path("paths")
                .path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").path("patch");
        List<String> names = new ArrayList<>();
        patch.path("parameters").forEach(p -> names.add(p.path("name").asText()));
        assertTrue(names.containsAll(List.of("dryRun", "fieldManager", "fieldValidation", "force")), names.toString());
    }

    @Test
    void warningHeadersQuoteAsKubeApiserver() {
        List<String[]> headers = ResourceRequests.warnings(List.of("plain", "with \"quotes\" and \\ backslash"));
        assertEquals("Warning", headers.get(0)[0]);
        assertEquals("299 - \"plain\"", headers.get(0)[1]);
        assertEquals("299 - \"with \\\"quotes\\\" and \\\\ backslash\"", headers.get(1)[1]);
    }
}
