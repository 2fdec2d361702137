package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every describer against the real kubectl: the expected texts under {@code golden/kubectl/describe} were
 * printed by kubectl 1.32 ({@link DescribeOracle}, {@code TZ=UTC}) for the objects of each {@link DescribeCases.Scenario}
 * started at {@code cases.json}'s {@code t0}; each case carries the wall-clock second kubectl ran in, which
 * is the instant our ages are measured to. Checked against kubectl 1.32.
 * {@code -Dkubelab.golden.update=true} (or the repository's {@code -Dgolden.update=true}) rewrites them from our
 * describers.
 */
class DescribeGoldenTest {

    @TestFactory
    List<DynamicTest> describedAsKubectlDescribesThem() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (DescribeCases.Scenario scenario : DescribeCases.Scenario.values()) {
            JsonNode manifest = DescribeScenario.JSON.readTree(Files.readString(scenario.dir.resolve("cases.json")));
            SimCluster cluster = scenario.build.apply(Instant.parse(manifest.path("t0").asText()));
            for (JsonNode c : manifest.path("cases")) {
                tests.add(DynamicTest.dynamicTest(scenario.name().toLowerCase() + "/" + c.path("file").asText(),
                        () -> check(cluster, scenario.dir, c)));
            }
        }
        return tests;
    }

    /** Every object of every kind the API server lists describes without error, as kubectl would describe it. */
    @org.junit.jupiter.api.Test
    void everyObjectOfTheScenarioDescribes() {
        SimCluster cluster = DescribeScenario.build(Instant.parse("2026-11-25T10:00:00Z"));
        DescribeContext ctx = DescribeContext.of(cluster.api(), UserInfo.ADMIN, cluster.clock().now());
        int described = 0;
        for (ResourceType type : ResourceTypes.all()) {
            if (!type.supports("list")) {
                continue;
            }
            JsonNode items;
            try {
                items = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, type, "", "")).body().path("items");
            } catch (io.kubelab.apiserver.StatusException e) {
                continue; // the metrics APIs without a metrics server
            }
            for (JsonNode item : items) {
                String text = Describers.describe(ctx, type, (ObjectNode) item);
                assertEquals("Name:", text.substring(0, 5), type.kind() + " " + item.path("metadata").path("name").asText());
                described++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(described > 200, "described " + described);
    }

    private static void check(SimCluster cluster, Path dir, JsonNode c) throws Exception {
        ResourceType type = ResourceTypes.lookup(c.path("type").asText()).get(0);
        ObjectNode object = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type,
                c.path("namespace").asText(), c.path("name").asText())).body();
        DescribeContext ctx = DescribeContext.of(cluster.api(), UserInfo.ADMIN, Instant.parse(c.path("now").asText()));
        String actual = Describers.describe(ctx, type, object);
        Path file = dir.resolve(c.path("file").asText());
        if (Boolean.getBoolean("kubelab.golden.update") || Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual);
    }
}
