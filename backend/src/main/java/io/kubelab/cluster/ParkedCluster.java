package io.kubelab.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kubelab.apiserver.PodLogs;
import io.kubelab.runtime.ContainerLogs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An idle sandbox's cluster with nothing live: its objects, container logs and the changes to its nodes'
 * files as compressed JSON, the
 * revision they reached,
 * the simulated time and how it ran, the last component-event number and the stopped components. Waking
 * it rebuilds every component from the objects, as Kubernetes' level-triggered components rebuild
 * themselves after a restart.
 */
public record ParkedCluster(ClusterSpec spec, long seed, long revision, Instant time, String clockMode, double speed,
                            long lastEventSeq, List<String> stopped, byte[] objects, byte[] logs,
                            byte[] files) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static byte[] pack(SortedMap<String, ObjectNode> objects) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes);
             JsonGenerator out = MAPPER.getFactory().createGenerator(zip)) {
            out.writeStartObject();
            for (var entry : objects.entrySet()) {
                out.writeFieldName(entry.getKey());
                MAPPER.writeTree(out, entry.getValue());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] packLogs(ContainerLogs logs) {
        ObjectNode out = MAPPER.createObjectNode();
        write(out.putObject("current"), logs.currentLines());
        write(out.putObject("previous"), logs.previousLines());
        SortedMap<String, ObjectNode> one = new TreeMap<>();
        one.put("logs", out);
        return pack(one);
    }

    private static void write(ObjectNode into, Map<String, List<PodLogs.Line>> lines) {
        lines.forEach((key, list) -> {
            ArrayNode array = into.putArray(key);
            for (PodLogs.Line line : list) {
                array.addArray().add(line.time().toString()).add(line.text());
            }
        });
    }

    /** What the students changed in each node's files (kubeadm's seed is rebuilt, not stored). */
    static byte[] packFiles(Map<String, NodeHost> hosts) {
        ObjectNode out = MAPPER.createObjectNode();
        hosts.forEach((name, host) -> out.set(name, host.files().toJson()));
        SortedMap<String, ObjectNode> one = new TreeMap<>();
        one.put("files", out);
        return pack(one);
    }

    void unpackFiles(String node, NodeFiles into) {
        if (files == null) {
            return;
        }
        JsonNode saved = unpack(files).get("files").path(node);
        if (saved.isObject()) {
            into.restore((ObjectNode) saved);
        }
    }

    void unpackLogs(ContainerLogs into) {
        ObjectNode all = unpack(logs).get("logs");
        into.restore(read(all.path("current")), read(all.path("previous")));
    }

    private static Map<String, List<PodLogs.Line>> read(JsonNode node) {
        Map<String, List<PodLogs.Line>> out = new HashMap<>();
        node.properties().forEach(e -> {
            List<PodLogs.Line> lines = new ArrayList<>();
            e.getValue().forEach(l -> lines.add(new PodLogs.Line(Instant.parse(l.get(0).asText()), l.get(1).asText())));
            out.put(e.getKey(), lines);
        });
        return out;
    }

    SortedMap<String, ObjectNode> unpack() {
        return unpack(objects);
    }

    private static SortedMap<String, ObjectNode> unpack(byte[] objects) {
        SortedMap<String, ObjectNode> out = new TreeMap<>();
        try (JsonParser in = MAPPER.getFactory().createParser(new GZIPInputStream(new ByteArrayInputStream(objects)))) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a parked cluster starts with an object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String key = in.currentName();
                in.nextToken();
                out.put(key, MAPPER.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
