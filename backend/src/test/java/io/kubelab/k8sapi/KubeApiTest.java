package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KubeApi#serve} as kube-apiserver answers: discovery, paths, Table negotiation, watches, logs, errors. */
class KubeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE_V1 = "application/json;as=Table;v=v1;g=meta.k8s.io";
    private static SimCluster cluster;
    private static KubeApi api;

    @BeforeAll
    static void start() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(KubeApiHarness.START), 1);
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        api = new KubeApi(cluster);
    }

    private static RecordingExchange get(String pathAndQuery, String accept) {
        return call("GET", pathAndQuery, accept);
    }

    private static RecordingExchange call(String method, String pathAndQuery, String accept) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        RecordingExchange exchange = new RecordingExchange();
        api.serve(new KubeRequest(method, path, query, accept.isEmpty() ? Map.of() : Map.of("accept", accept),
                new byte[0]), exchange);
        return exchange;
    }

    private static JsonNode json(RecordingExchange exchange) {
        try {
            return JSON.readTree(exchange.response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api | application/json | application/json | APIVersions",
            "/apis | application/json | application/json | APIGroupList",
            "/api/v1 | application/json | application/json | APIResourceList",
            "/apis/apps/v1 | '' | application/json | APIResourceList",
            "/api | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
                    + " | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList | APIGroupDiscoveryList",
            "/apis | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"
                    + " | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList | APIGroupDiscoveryList",
            "/apis | application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json"
                    + " | application/json | APIGroupList"})
    void discoveryDocumentsAndTheirContentType(String path, String accept, String contentType, String kind) {
        RecordingExchange answer = get(path, accept);
        assertEquals(200, answer.response.status());
        assertEquals(contentType, answer.response.contentType());
        assertEquals(kind, json(answer).path("kind").asText());
    }

    @Test
    void aggregatedDiscoveryListsEveryGroupWithItsResources() {
        JsonNode groups = json(get("/apis", AggregatedDiscovery.contentType("v2")));
        assertEquals("apidiscovery.k8s.io/v2", groups.path("apiVersion").asText());
        JsonNode apps = null;
        for (JsonNode group : groups.path("items")) {
            if (group.path("metadata").path("name").asText().equals("apps")) {
                apps = group;
            }
        }
        assertTrue(apps != null, "apps is in aggregated discovery");
        JsonNode deployments = null;
        for (JsonNode resource : apps.path("versions").path(0).path("resources")) {
            if (resource.path("resource").asText().equals("deployments")) {
                deployments = resource;
            }
        }
        assertEquals("{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"}",
                deployments.path("responseKind").toString());
        assertEquals("Namespaced", deployments.path("scope").asText());
        assertEquals("[\"deploy\"]", deployments.path("shortNames").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "api/v1/namespaces/shop/status | '' | namespaces | shop | status | false",
            "api/v1/namespaces/shop/finalize | '' | namespaces | shop | finalize | false",
            "api/v1/namespaces/shop | '' | namespaces | shop | '' | false",
            "api/v1/namespaces/shop/pods/web/log | shop | pods | web | log | false",
            "api/v1/watch/namespaces/shop/pods | shop | pods | '' | '' | true",
            "api/v1/watch/namespaces/shop | '' | namespaces | shop | '' | true",
            "apis/apps/v1/namespaces/shop/deployments/web/scale | shop | deployments | web | scale | false",
            "apis/apps/v1/watch/deployments | '' | deployments | '' | '' | true",
            "api/v1/nodes/node01/proxy/metrics/cadvisor | '' | nodes | node01 | proxy | false"})
    void pathsSplitAsTheInstallerLaysThemOut(String path, String namespace, String resource, String name,
                                            String subresource, boolean watch) {
        ApiPath parsed = ApiPath.parse(List.of(path.split("/"))).orElseThrow();
        assertEquals(List.of(namespace, resource, name, subresource, watch),
                List.of(parsed.namespace(), parsed.resource(), parsed.name(), parsed.subresource(), parsed.legacyWatch()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/namespaces/default/nodes",
            "/api/v1/bogus",
            "/apis/apps/v2/deployments",
            "/apis/nope.example.com/v1",
            "/api/v1/namespaces/default/pods/x/bogus",
            "/api/v1/pods/x",
            "/api/v2"})
    void unknownPathsAreNotFound(String path) {
        RecordingExchange answer = get(path, "application/json");
        assertEquals(404, answer.response.status());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"the server could not find the requested resource\",\"reason\":\"NotFound\",\"details\":{},\"code\":404}",
                json(answer).toString());
    }

    @Test
    void aMissingObjectIsANotFoundStatusNamingIt() {
        RecordingExchange answer = get("/apis/apps/v1/namespaces/default/deployments/nope", "application/json");
        assertEquals(404, answer.response.status());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"deployments.apps \\\"nope\\\" not found\",\"reason\":\"NotFound\",\"details\":{\"name\":\"nope\","
                + "\"group\":\"apps\",\"kind\":\"deployments\"},\"code\":404}", json(answer).toString());
    }

    @Test
    void aBadSelectorIsABadRequest() {
        RecordingExchange answer = get("/api/v1/pods?labelSelector=app+in+(x", "application/json");
        assertEquals(400, answer.response.status());
        assertEquals("BadRequest", json(answer).path("reason").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | meta.k8s.io/v1 | PartialObjectMetadata",
            "?includeObject=Metadata | meta.k8s.io/v1 | PartialObjectMetadata",
            "?includeObject=None | meta.k8s.io/v1 | ''",
            "?includeObject=Object | meta.k8s.io/v1 | Node"})
    void tablesOfV1CarryTheObjectAsAsked(String query, String apiVersion, String rowKind) {
        RecordingExchange answer = get("/api/v1/nodes" + query, TABLE_V1 + ",application/json");
        assertEquals(TABLE_V1, answer.response.contentType());
        JsonNode table = json(answer);
        assertEquals("Table", table.path("kind").asText());
        assertEquals(apiVersion, table.path("apiVersion").asText());
        assertEquals(3, table.path("rows").size());
        assertEquals(rowKind, table.path("rows").path(0).path("object").path("kind").asText(""));
        JsonNode cells = table.path("rows").path(0).path("cells");
        assertEquals("controlplane Ready control-plane", cells.path(0).asText() + " " + cells.path(1).asText() + " "
                + cells.path(2).asText());
    }

    @Test
    void tableColumnsMarkTheWideOnesWithPriorityOne() {
        JsonNode table = json(get("/api/v1/namespaces/kube-system/pods", TABLE_V1));
        StringBuilder columns = new StringBuilder();
        for (JsonNode column : table.path("columnDefinitions")) {
            columns.append(column.path("name").asText()).append(':').append(column.path("priority").asInt()).append(' ');
        }
        assertEquals("Name:0 Ready:0 Status:0 Restarts:0 Age:0 IP:1 Node:1 Nominated Node:1 Readiness Gates:1 ",
                columns.toString());
        assertFalse(table.path("metadata").path("resourceVersion").asText().isEmpty());
    }

    @Test
    void tablesOfV1beta1AndMetadataListsAnswerInTheirVersion() {
        RecordingExchange beta = get("/api/v1/nodes/node01", "application/json;as=Table;v=v1beta1;g=meta.k8s.io");
        assertEquals("application/json;as=Table;v=v1beta1;g=meta.k8s.io", beta.response.contentType());
        assertEquals("meta.k8s.io/v1beta1", json(beta).path("apiVersion").asText());
        assertEquals("meta.k8s.io/v1beta1", json(beta).path("rows").path(0).path("object").path("apiVersion").asText());
        RecordingExchange partial = get("/api/v1/nodes",
                "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json");
        assertEquals("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io", partial.response.contentType());
        JsonNode list = json(partial);
        assertEquals("PartialObjectMetadataList meta.k8s.io/v1 PartialObjectMetadata node01",
                list.path("kind").asText() + " " + list.path("apiVersion").asText() + " "
                        + list.path("items").path(1).path("kind").asText() + " "
                        + list.path("items").path(1).path("metadata").path("name").asText());
        assertEquals(400, get("/api/v1/nodes?includeObject=All", TABLE_V1).response.status());
    }

    @Test
    void pagesChainWithContinueTokensAndCountWhatRemains() {
        JsonNode whole = json(get("/api/v1/pods", "application/json"));
        int total = whole.path("items").size();
        List<String> names = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            JsonNode page = json(get("/api/v1/pods?limit=3" + (token.isEmpty() ? "" : "&continue=" + token),
                    "application/json"));
            page.path("items").forEach(item -> names.add(item.path("metadata").path("name").asText()));
            token = page.path("metadata").path("continue").asText("");
            int remaining = total - names.size();
            assertEquals(remaining == 0 ? "" : String.valueOf(remaining),
                    page.path("metadata").path("remainingItemCount").asText(""));
            pages++;
        } while (!token.isEmpty());
        List<String> all = new ArrayList<>();
        whole.path("items").forEach(item -> all.add(item.path("metadata").path("name").asText()));
        assertEquals(all, names);
        assertEquals((total + 2) / 3, pages);
        RecordingExchange bad = get("/api/v1/pods?limit=3&continue=garbage", "application/json");
        assertEquals(400, bad.response.status());
    }

    @Test
    void aWatchStreamsEventsAndStopsWhenClosed() {
        RecordingExchange watch = get("/api/v1/namespaces/kube-system/pods?watch=true&timeoutSeconds=7"
                + "&labelSelector=component=etcd", "application/json");
        assertEquals("application/json", watch.streamType);
        assertEquals(Duration.ofSeconds(7), watch.streamLimit);
        assertEquals(1, watch.chunks.size());
        JsonNode added = json(watch.chunks.get(0));
        assertEquals("ADDED etcd-controlplane Pod", added.path("type").asText() + " "
                + added.path("object").path("metadata").path("name").asText() + " "
                + added.path("object").path("kind").asText());
        assertTrue(watch.chunks.get(0).endsWith("}\n"), "one JSON document per line");
        watch.close();
    }

    @Test
    void aTableWatchSendsOneRowTablesAndLegacyWatchPathsWatch() {
        RecordingExchange watch = get("/api/v1/watch/nodes?resourceVersion=0", TABLE_V1);
        assertEquals(TABLE_V1, watch.streamType);
        assertEquals(3, watch.chunks.size());
        JsonNode first = json(watch.chunks.get(0));
        assertEquals("ADDED Table 1 10", first.path("type").asText() + " " + first.path("object").path("kind").asText()
                + " " + first.path("object").path("rows").size() + " "
                + first.path("object").path("columnDefinitions").size());
        // Only the first Table of a watch has its column definitions.
        JsonNode second = json(watch.chunks.get(1));
        assertEquals("ADDED Table 1 null", second.path("type").asText() + " " + second.path("object").path("kind").asText()
                + " " + second.path("object").path("rows").size() + " "
                + second.path("object").path("columnDefinitions"));
        watch.close();
    }

    @Test
    void bookmarksGoOnlyToWatchesThatAllowThem() {
        String rv = json(get("/api/v1/pods", "application/json")).path("metadata").path("resourceVersion").asText();
        RecordingExchange allowed = get("/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=" + rv,
                "application/json");
        RecordingExchange plain = get("/api/v1/pods?watch=1&resourceVersion=" + rv, "application/json");
        cluster.store().bookmark();
        assertEquals(1, allowed.chunks.size());
        assertEquals("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":"
                + "{\"resourceVersion\":\"" + cluster.store().revision() + "\"}}}\n", allowed.chunks.get(0));
        assertEquals(List.of(), plain.chunks);
        allowed.close();
        plain.close();
    }

    @Test
    void aWatchFromACompactedRevisionEndsWithAGoneError() {
        RecordingExchange watch = get("/api/v1/pods?watch=1&resourceVersion=1", "application/json");
        assertTrue(watch.ended);
        assertEquals(1, watch.chunks.size());
        JsonNode event = json(watch.chunks.get(0));
        assertEquals("ERROR", event.path("type").asText());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"too old resource version: 1 (" + cluster.store().compactedRevision() + ")\",\"reason\":\"Expired\","
                + "\"code\":410}", event.path("object").toString());
    }

    @Test
    void podLogsTakeTheirOptionsFromTheQuery() {
        String etcd = "/api/v1/namespaces/kube-system/pods/etcd-controlplane/log";
        RecordingExchange all = get(etcd, "");
        assertEquals("text/plain; charset=utf-8", all.response.contentType());
        String[] lines = all.body().split("\n");
        assertTrue(lines.length > 2, all.body());
        assertEquals(lines[lines.length - 1] + "\n", get(etcd + "?tailLines=1", "").body());
        assertEquals(lines[0].substring(0, 5), get(etcd + "?limitBytes=5", "").body());
        assertTrue(get(etcd + "?tailLines=1&timestamps=true", "").body()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z .*\n"));
        assertEquals(400, get(etcd + "?sinceTime=yesterday", "").response.status());
        assertEquals(400, get(etcd + "?container=nope", "").response.status());
        assertEquals(Optional.of("ok"), Optional.of(get("/healthz", "").body()));
    }

    @Test
    void objectsAndListsAnswerInYamlWhenAskedFor() {
        RecordingExchange one = get("/api/v1/namespaces/kube-system/configmaps/kube-proxy", "application/yaml");
        assertEquals("application/yaml", one.response.contentType());
        assertTrue(one.body().startsWith("apiVersion: v1\n"), one.body());
        RecordingExchange list = get("/api/v1/namespaces/kube-system/configmaps", "application/yaml");
        assertEquals("application/yaml", list.response.contentType());
        assertTrue(list.body().startsWith("apiVersion: v1\nitems:\n"), list.body());
    }
}
