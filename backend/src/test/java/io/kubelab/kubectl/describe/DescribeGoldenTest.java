package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeAll;
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
 * printed by kubectl 1.32 ({@link DescribeOracle}, {@code TZ=UTC}) for the objects of {@link DescribeScenario}
 * started at {@code cases.json}'s {@code t0}; each case carries the wall-clock second kubectl ran in, which
 * is the instant our ages are measured to. Checked against kubectl 1.32.
 * {@code -Dkubelab.golden.update=true} rewrites them from our describers.
 */
class DescribeGoldenTest {

    private static SimCluster cluster;
    private static JsonNode manifest;

    @BeforeAll
    static void buildScenario() throws Exception {
        manifest = DescribeScenario.JSON.readTree(Files.readString(DescribeOracle.GOLDEN.resolve("cases.json")));
        cluster = DescribeScenario.build(Instant.parse(manifest.path("t0").asText()));
    }

    @TestFactory
    List<DynamicTest> describedAsKubectlDescribesThem() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : manifest.path("cases")) {
            tests.add(DynamicTest.dynamicTest(c.path("file").asText(), () -> check(c)));
        }
        return tests;
    }

    private static void check(JsonNode c) throws Exception {
        ResourceType type = ResourceTypes.lookup(c.path("type").asText()).get(0);
        ObjectNode object = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type,
                c.path("namespace").asText(), c.path("name").asText())).body();
        DescribeContext ctx = DescribeContext.of(cluster.api(), UserInfo.ADMIN, Instant.parse(c.path("now").asText()));
        String actual = Describers.describe(ctx, type, object);
        Path file = DescribeOracle.GOLDEN.resolve(c.path("file").asText());
        if (Boolean.getBoolean("kubelab.golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual);
    }
}
