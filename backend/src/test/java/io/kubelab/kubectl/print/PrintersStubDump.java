package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.printers.IncludeObject;
import io.kubelab.apiserver.printers.TablePrinters;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: with {@code -Dkubelab.printers.stub=DIR} it writes the scenario's lists and our Tables of them
 * ({@code <path>.table.json}) where a copy of the oracle's kube-stub serves them to the real kubectl, whose
 * output becomes the golden text of {@link TableTextGoldenTest}.
 */
@EnabledIfSystemProperty(named = "kubelab.printers.stub", matches = ".+")
class PrintersStubDump {

    @Test
    void dump() throws Exception {
        Path dir = Path.of(System.getProperty("kubelab.printers.stub"));
        for (ResourceType type : ResourceTypes.all()) {
            if (!type.supports("list")) {
                continue;
            }
            if (type.namespaced()) {
                write(dir, type, "default");
                write(dir, type, "kube-system");
            }
            write(dir, type, "");
        }
    }

    private static void write(Path dir, ResourceType type, String namespace) throws Exception {
        ObjectNode list = PrintersScenario.list(type, namespace);
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            ObjectNode copy = (ObjectNode) item.deepCopy();
            copy.put("apiVersion", type.apiVersion()).put("kind", type.kind());
            items.add(copy);
        }
        String base = (type.group().isEmpty() ? "api/" : "apis/" + type.group() + "/") + type.version()
                + (namespace.isEmpty() ? "" : "/namespaces/" + namespace) + "/" + type.resource();
        Path file = dir.resolve(base + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, list.toString());
        ObjectNode table = TablePrinters.table(type, items, (ObjectNode) list.path("metadata"), PrintersScenario.now(),
                IncludeObject.METADATA);
        Files.writeString(dir.resolve(base + ".table.json"), table.toString());
        for (ObjectNode item : items) {
            String name = item.path("metadata").path("name").asText();
            Files.createDirectories(dir.resolve(base));
            Files.writeString(dir.resolve(base + "/" + name + ".json"), item.toString());
            Files.writeString(dir.resolve(base + "/" + name + ".table.json"),
                    TablePrinters.table(type, List.of(item), PrintersScenario.now(), IncludeObject.METADATA).toString());
        }
    }
}
