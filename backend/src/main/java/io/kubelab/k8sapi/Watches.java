package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.cluster.SimCluster;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code watch=true}: a chunked stream of JSON lines {@code {"type":"ADDED","object":{...}}}, each object in the
 * negotiated form (a one-row Table for a Table watch), until {@code timeoutSeconds} (kube-apiserver's default:
 * 30 to 60 minutes), the client leaves, or the revision asked for is compacted (one {@code ERROR} event with a
 * 410 Status, as kube-apiserver's watch cache answers).
 */
final class Watches {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    private final SimCluster cluster;

    Watches(SimCluster cluster) {
        this.cluster = cluster;
    }

    void serve(KubeRequest request, ApiRequest r, Output output, KubeExchange exchange) {
        String contentType = output.form() == Output.Form.YAML ? KubeResponse.JSON : output.contentType();
        Duration limit = DEFAULT_TIMEOUT;
        if (!request.param("timeoutSeconds").isEmpty()) {
            long seconds = QueryOptions.integer("timeoutSeconds", request.param("timeoutSeconds"));
            // 0 (or less) means the server's default, as in kube-apiserver; a day at most, so no watch outlives it.
            if (seconds > 0) {
                limit = Duration.ofSeconds(Math.min(seconds, MAX_TIMEOUT.toSeconds()));
            }
        }
        // Events the watch delivers while it starts (the current objects for resourceVersion 0) wait for the stream.
        List<byte[]> early = new ArrayList<>();
        KubeExchange.Stream[] stream = new KubeExchange.Stream[1];
        boolean[] headed = new boolean[1];
        Store.Watch watch;
        try {
            watch = cluster.api().watchShared(r, event -> {
                byte[] line = line(event, r, output, headed);
                if (stream[0] == null) {
                    early.add(line);
                } else {
                    stream[0].send(line);
                }
            });
        } catch (StatusException e) {
            if (e.status().code() != 410) {
                throw e;
            }
            KubeExchange.Stream gone = exchange.stream(contentType, limit);
            gone.send(Wire.json(event("ERROR", e.status().toJson())));
            gone.end();
            return;
        }
        KubeExchange.Stream open;
        try {
            open = exchange.stream(contentType, limit);
        } catch (RuntimeException e) {
            watch.stop();
            throw e;
        }
        open.onClose(watch::stop);
        for (byte[] line : early) {
            open.send(line);
        }
        stream[0] = open;
    }

    /**
     * One event's line. A Table watch carries the column definitions in its first Table only: kube-apiserver's
     * watch sets {@code NoHeaders} once it has converted one object, and later Tables have none ({@code null}).
     */
    private byte[] line(WatchEvent event, ApiRequest r, Output output, boolean[] headed) {
        ObjectNode object = event.object();
        if (event.type() == WatchEvent.Type.BOOKMARK) {
            ObjectNode bookmark = JsonNodeFactory.instance.objectNode().put("kind", r.type().kind())
                    .put("apiVersion", r.type().apiVersion());
            bookmark.set("metadata", object.path("metadata"));
            return Wire.json(event("BOOKMARK", bookmark));
        }
        JsonNode shown = switch (output.form()) {
            case TABLE -> {
                ObjectNode table = output.table(r.type(), List.of(object), cluster.clock().now());
                if (headed[0]) {
                    table.putNull("columnDefinitions");
                }
                headed[0] = true;
                yield table;
            }
            case METADATA -> output.partial(object);
            default -> object;
        };
        return Wire.json(event(event.type().name().toUpperCase(Locale.ROOT), shown));
    }

    private static ObjectNode event(String type, JsonNode object) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("type", type);
        line.set("object", object);
        return line;
    }
}
