package io.kubelab.kubectl.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.Workstation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The objects of {@code -f}: files, directories ({@code .json}, {@code .yaml}, {@code .yml}; with
 * {@code -R} their subdirectories too), {@code -} for what was piped in; YAML streams split on
 * {@code ---}, JSON, and {@code List}s unpacked, each object remembering its source for messages.
 */
public final class Manifests {

    /** One object and where it came from ({@code STDIN} or the path as given). */
    public record Manifest(String source, ObjectNode object) {
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(#.*)?$");
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private Manifests() {
    }

    public static List<Manifest> read(Workstation ws, List<String> paths, boolean recursive, String stdin)
            throws KubectlException {
        List<Manifest> out = new ArrayList<>();
        for (String path : paths) {
            if (path.equals("-")) {
                out.addAll(parse("STDIN", stdin == null ? "" : stdin));
            } else if (path.startsWith("http://") || path.startsWith("https://")) {
                throw KubectlException.error("unable to read URL \"" + path + "\", server reported 0 , status code=0: "
                        + "this sandbox has no Internet access");
            } else if (ws.isDirectory(path)) {
                readDirectory(ws, path, recursive, true, out);
            } else {
                String text = ws.read(path).orElseThrow(() ->
                        KubectlException.error("the path \"" + path + "\" does not exist"));
                out.addAll(parse(path, text));
            }
        }
        return out;
    }

    private static void readDirectory(Workstation ws, String dir, boolean recursive, boolean top, List<Manifest> out)
            throws KubectlException {
        for (String name : ws.list(dir)) {
            String path = dir.endsWith("/") ? dir + name : dir + "/" + name;
            if (ws.isDirectory(path)) {
                if (recursive) {
                    readDirectory(ws, path, true, false, out);
                }
            } else if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
                out.addAll(parse(path, ws.read(path).orElse("")));
            }
        }
    }

    /** The objects of one YAML or JSON text. */
    public static List<Manifest> parse(String source, String text) throws KubectlException {
        List<Manifest> out = new ArrayList<>();
        for (String document : SEPARATOR.split(text, -1)) {
            if (document.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = YAML.readTree(document);
            } catch (JsonProcessingException e) {
                String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
                int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
                throw KubectlException.error("error parsing " + source + ": error converting YAML to JSON: yaml: line "
                        + line + ": " + message);
            }
            if (node == null || node.isNull() || node.isMissingNode()) {
                continue;
            }
            if (!node.isObject()) {
                throw validation(source, "invalid object to validate");
            }
            ObjectNode object = (ObjectNode) node;
            if (!object.hasNonNull("kind") || object.path("kind").asText().isEmpty()) {
                throw validation(source, "kind not set");
            }
            if (!object.hasNonNull("apiVersion") || object.path("apiVersion").asText().isEmpty()) {
                throw validation(source, "apiVersion not set");
            }
            if (object.path("kind").asText().endsWith("List") && object.path("items").isArray()) {
                for (JsonNode item : object.path("items")) {
                    if (item.isObject()) {
                        out.add(new Manifest(source, (ObjectNode) item));
                    }
                }
            } else {
                out.add(new Manifest(source, object));
            }
        }
        return out;
    }

    private static KubectlException validation(String source, String problem) {
        return KubectlException.error("error validating \"" + source + "\": error validating data: " + problem
                + "; if you choose to ignore these errors, turn validation off with --validate=false");
    }
}
