package io.kubelab.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An idle sandbox's cluster with nothing live: its objects as compressed JSON, the revision they reached,
 * the simulated time and how it ran, the last component-event number and the stopped components. Waking
 * it rebuilds every component from the objects, as Kubernetes' level-triggered components rebuild
 * themselves after a restart.
 */
public record ParkedCluster(ClusterSpec spec, long seed, long revision, Instant time, String clockMode, double speed,
                            long lastEventSeq, List<String> stopped, byte[] objects) {

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

    SortedMap<String, ObjectNode> unpack() {
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
