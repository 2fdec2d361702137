package io.kubelab.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every object of a simulated cluster written where the stub API server serves it: each object and each list. */
final class ClusterDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterDump() {
    }

    static void write(SimCluster cluster, Path root) throws IOException {
        write(cluster, root, java.time.Duration.ZERO);
    }

    /** The dump with every timestamp moved by {@code shift} (see {@link TimeShift}). */
    static void write(SimCluster cluster, Path root, java.time.Duration shift) throws IOException {
        deleteTree(root);
        List<String> namespaces = new ArrayList<>();
        for (JsonNode ns : list(cluster, ResourceTypes.of("v1", "Namespace")).path("items")) {
            namespaces.add(ns.path("metadata").path("name").asText());
        }
        for (ResourceType type : ResourceTypes.all()) {
            if (!type.supports("list") || type.resource().contains("/")) {
                continue;
            }
            ObjectNode list;
            try {
                list = list(cluster, type);
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
                if (!shift.isZero()) {
                    TimeShift.shift(obj, shift);
                }
                String ns = obj.path("metadata").path("namespace").asText("");
                String name = obj.path("metadata").path("name").asText();
                String path = ns.isEmpty() ? base + "/" + type.resource() + "/" + name
                        : base + "/namespaces/" + ns + "/" + type.resource() + "/" + name;
                write(root.resolve(path + ".json"), obj);
                all.add(obj);
                byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(obj);
            }
            String rv = list.path("metadata").path("resourceVersion").asText("1");
            write(root.resolve(base + "/" + type.resource() + ".json"), listOf(type, all, rv));
            if (type.namespaced()) {
                for (String ns : namespaces) {
                    write(root.resolve(base + "/namespaces/" + ns + "/" + type.resource() + ".json"),
                            listOf(type, byNamespace.getOrDefault(ns, List.of()), rv));
                }
            }
        }
    }

    private static ObjectNode list(SimCluster cluster, ResourceType type) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, type, "", "")).body();
    }

    private static ObjectNode listOf(ResourceType type, List<JsonNode> items, String rv) {
        ObjectNode list = JSON.createObjectNode();
        list.put("apiVersion", type.apiVersion());
        list.put("kind", type.kind() + "List");
        list.putObject("metadata").put("resourceVersion", rv);
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        return list;
    }

    private static void write(Path file, JsonNode node) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, node.toString());
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
