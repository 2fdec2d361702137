package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Takes the describe golden files from the real kubectl 1.32 (run by hand, never in the suite):
 * {@code -Dkubelab.describe.oracle=/path/to/kubectl.1.32} (and {@code -Dkubelab.describe.scenario=MORE} for the
 * second scenario). It builds the scenario starting
 * twelve minutes ago, dumps every object into a stub API server ({@code selector-stub.py}), runs
 * {@code TZ=UTC kubectl describe} for each case with the wall clock inside one second, and writes the
 * output as the expected text plus {@code cases.json} (the start instant and each case's second), which
 * {@link DescribeGoldenTest} replays.
 */
@EnabledIfSystemProperty(named = "kubelab.describe.oracle", matches = ".+")
class DescribeOracle {

    static final Path GOLDEN = Path.of("src/test/resources/golden/kubectl/describe");
    private static final Path WORK = Path.of("/tmp/describe");
    private static final int PORT = 18400;

    @Test
    void takeGoldenFilesFromKubectl() throws Exception {
        String kubectl = System.getProperty("kubelab.describe.oracle");
        DescribeCases.Scenario scenario = DescribeCases.Scenario.valueOf(
                System.getProperty("kubelab.describe.scenario", "MAIN"));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(12));
        SimCluster cluster = scenario.build.apply(t0);
        Files.createDirectories(scenario.dir);
        Path objects = WORK.resolve("objs");
        deleteTree(objects);
        dump(cluster, objects);
        Process stub = new ProcessBuilder("python3", GOLDEN.resolve("selector-stub.py").toString(), objects.toString(),
                String.valueOf(PORT)).inheritIO().start();
        try {
            Thread.sleep(800);
            ObjectNode manifest = DescribeScenario.JSON.createObjectNode();
            manifest.put("t0", t0.toString());
            ArrayNode out = manifest.putArray("cases");
            for (DescribeCases.Case c : scenario.cases.apply(cluster)) {
                Instant second = runAtSecond(kubectl, c, scenario.dir);
                out.addObject().put("type", c.type()).put("namespace", c.namespace()).put("name", c.name())
                        .put("file", c.file()).put("now", second.toString());
            }
            Files.writeString(scenario.dir.resolve("cases.json"),
                    DescribeScenario.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        } finally {
            stub.destroy();
        }
    }

    /** Runs kubectl so that it starts and ends within one wall-clock second, and returns that second. */
    private static Instant runAtSecond(String kubectl, DescribeCases.Case c, Path dir) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            long ms = System.currentTimeMillis();
            Thread.sleep(1000 - ms % 1000 + 20);
            Instant second = Instant.ofEpochMilli(System.currentTimeMillis()).truncatedTo(ChronoUnit.SECONDS);
            List<String> args = new ArrayList<>(List.of(kubectl, "--server=http://127.0.0.1:" + PORT,
                    "--cache-dir", WORK.resolve("kc").toString(), "describe", c.type(), c.name()));
            if (!c.namespace().isEmpty()) {
                args.addAll(List.of("-n", c.namespace()));
            }
            ProcessBuilder pb = new ProcessBuilder(args);
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            byte[] stdout = p.getInputStream().readAllBytes();
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Instant end = Instant.ofEpochMilli(System.currentTimeMillis()).truncatedTo(ChronoUnit.SECONDS);
            if (!stderr.isEmpty()) {
                System.err.println(c.file() + ": " + stderr);
            }
            if (end.equals(second)) {
                Files.write(dir.resolve(c.file()), stdout);
                return second;
            }
        }
        throw new IllegalStateException("kubectl never ran within one second for " + c.file());
    }

    /** Every object the API server serves, at the paths and in the lists kubectl reads them from. */
    private static void dump(SimCluster cluster, Path root) throws IOException {
        for (ResourceType type : ResourceTypes.all()) {
            if (!type.supports("list") || !type.subresources().isEmpty() && type.resource().contains("/")) {
                continue;
            }
            ObjectNode list;
            try {
                list = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, type, "", "")).body();
            } catch (StatusException e) {
                continue;
            }
            String base = type.group().isEmpty() ? "api/v1" : "apis/" + type.group() + "/" + type.version();
            Map<String, List<JsonNode>> byNamespace = new LinkedHashMap<>();
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode item : list.path("items")) {
                ObjectNode obj = ((ObjectNode) item).deepCopy();
                obj.put("apiVersion", type.apiVersion());
                obj.put("kind", type.kind());
                String ns = obj.path("metadata").path("namespace").asText("");
                String name = obj.path("metadata").path("name").asText();
                String path = ns.isEmpty() ? base + "/" + type.resource() + "/" + name
                        : base + "/namespaces/" + ns + "/" + type.resource() + "/" + name;
                write(root.resolve(path + ".json"), obj);
                all.add(obj);
                byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(obj);
            }
            write(root.resolve(base + "/" + type.resource() + ".json"), listOf(type, all));
            if (type.namespaced()) {
                for (JsonNode ns : cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST,
                        ResourceTypes.of("v1", "Namespace"), "", "")).body().path("items")) {
                    String name = ns.path("metadata").path("name").asText();
                    write(root.resolve(base + "/namespaces/" + name + "/" + type.resource() + ".json"),
                            listOf(type, byNamespace.getOrDefault(name, List.of())));
                }
            }
        }
    }

    private static ObjectNode listOf(ResourceType type, List<JsonNode> items) {
        ObjectNode list = DescribeScenario.JSON.createObjectNode();
        list.put("apiVersion", type.apiVersion());
        list.put("kind", type.kind() + "List");
        list.putObject("metadata").put("resourceVersion", "1");
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        return list;
    }

    private static void write(Path file, JsonNode node) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, node.toString());
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
