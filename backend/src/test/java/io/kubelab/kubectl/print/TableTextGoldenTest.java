package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.printers.IncludeObject;
import io.kubelab.apiserver.printers.TablePrinters;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kubectl get} text over the settled {@link PrintersScenario}: our Tables (part 1) printed by
 * {@link TableText} (part 2). Each expected file is what the real kubectl 1.32 printed when a copy of the
 * oracle's kube-stub served it these same Tables ({@link PrintersStubDump}), so the expected text checks the
 * client side byte for byte. The cases (name and kubectl arguments) are in {@code cases.txt}.
 * {@code -Dgolden.update=true} rewrites the files from our output.
 */
class TableTextGoldenTest {

    static final Path DIR = Path.of("src/test/resources/golden/kubectl/get");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            out.add(Arguments.of(parts[0], parts[1]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: kubectl {1}")
    @MethodSource("cases")
    void printsAsKubectl(String name, String args) throws IOException {
        String actual = print(args);
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual);
    }

    /** A {@code kubectl get} command line over the scenario, as far as the table flags go. */
    static String print(String args) {
        List<String> words = new ArrayList<>(Arrays.asList(args.split(" ")));
        words.remove(0); // get
        TableOptions options = TableOptions.plain();
        String namespace = "default";
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-o" -> options = options.withWide("wide".equals(words.get(++i)));
                case "--no-headers" -> options = options.withNoHeaders(true);
                case "--show-labels" -> options = options.withShowLabels(true);
                case "-L" -> options = options.withLabelColumns(List.of(words.get(++i).split(",")));
                case "-A" -> {
                    options = options.withNamespaceColumn(true);
                    namespace = "";
                }
                case "-n" -> namespace = words.get(++i);
                default -> positional.add(words.get(i));
            }
        }
        String resources = positional.get(0);
        List<String> names = positional.subList(1, positional.size());
        // resource.MultipleTypesRequested: a comma or the "all" category makes kubectl print kind/name.
        options = options.withKindPrefix(resources.contains(",") || resources.equals("all"));
        List<TableText.Section> sections = new ArrayList<>();
        for (ResourceType type : types(resources)) {
            if (names.isEmpty()) {
                ObjectNode list = PrintersScenario.list(type, namespace);
                sections.add(section(type, items(type, list), (ObjectNode) list.path("metadata")));
            } else {
                for (String n : names) {
                    List<ObjectNode> one = new ArrayList<>();
                    for (ObjectNode item : items(type, PrintersScenario.list(type, namespace))) {
                        if (item.path("metadata").path("name").asText().equals(n)) {
                            one.add(item);
                        }
                    }
                    sections.add(TableText.Section.of(TablePrinters.table(type, one, PrintersScenario.now(),
                            IncludeObject.METADATA), type));
                }
            }
        }
        return TableText.print(sections, options);
    }

    private static TableText.Section section(ResourceType type, List<ObjectNode> items, ObjectNode listMeta) {
        return TableText.Section.of(TablePrinters.table(type, items, listMeta, PrintersScenario.now(),
                IncludeObject.METADATA), type);
    }

    static List<ObjectNode> items(ResourceType type, ObjectNode list) {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            items.add((ObjectNode) item);
        }
        return items;
    }

    /** The kinds a resource argument names, in discovery order for the {@code all} category. */
    static List<ResourceType> types(String resources) {
        List<ResourceType> out = new ArrayList<>();
        for (String word : resources.split(",")) {
            if (word.equals("all")) {
                for (ResourceType t : ResourceTypes.all()) {
                    if (t.categories().contains("all")) {
                        out.add(t);
                    }
                }
                continue;
            }
            List<ResourceType> found = ResourceTypes.lookup(word);
            ResourceType chosen = found.get(0);
            for (ResourceType t : found) {
                if (t.group().isEmpty()) {
                    chosen = t;
                }
            }
            out.add(chosen);
        }
        return out;
    }
}
