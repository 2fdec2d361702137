package io.kubelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.printers.IncludeObject;
import io.kubelab.apiserver.printers.TablePrinters;
import io.kubelab.kubectl.print.PrintersScenario;
import io.kubelab.kubectl.print.TableOptions;
import io.kubelab.kubectl.print.TableText;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code kubectl get pods} over 100 running pods, in process: the API server's Table
 * ({@link TablePrinters#table}) and kubectl's text ({@link TableText#print}). Target: the whole verb at most
 * 200 µs median. Prints; never fails. Run with
 * {@code mvn -pl backend -am test -Dtest=TablePrintersBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TablePrintersBenchmark {

    @Test
    void figures() {
        ResourceType pods = ResourceTypes.of("v1", "Pod");
        ObjectNode list = PrintersScenario.list(pods, "default");
        ObjectNode running = null;
        for (JsonNode pod : list.path("items")) {
            if (pod.path("metadata").path("name").asText().startsWith("web-")) {
                running = (ObjectNode) pod;
            }
        }
        List<ObjectNode> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ObjectNode copy = running.deepCopy();
            copy.with("metadata").put("name", String.format("web-5c94f75b5d-%05d", i));
            hundred.add(copy);
        }
        ObjectNode listMeta = (ObjectNode) list.path("metadata");
        Instant now = PrintersScenario.now();
        System.out.println("figure | target | median | min | max");
        measure("TablePrinters.table, 100 running pods", () ->
                TablePrinters.table(pods, hundred, listMeta, now, IncludeObject.METADATA));
        measure("TableText.print, 100 running pods", () -> TableText.print(
                TablePrinters.table(pods, hundred, listMeta, now, IncludeObject.METADATA), "Pod", true,
                TableOptions.plain()));
        measure("get pods -o wide -A --show-labels, 100 running pods", () -> TableText.print(
                TablePrinters.table(pods, hundred, listMeta, now, IncludeObject.METADATA), "Pod", true,
                TableOptions.plain().withWide(true).withNamespaceColumn(true).withShowLabels(true)));
    }

    private static void measure(String figure, Runnable work) {
        for (int i = 0; i < 3000; i++) {
            work.run();
        }
        long[] runs = new long[2000];
        for (int i = 0; i < runs.length; i++) {
            long t0 = System.nanoTime();
            work.run();
            runs[i] = System.nanoTime() - t0;
        }
        Arrays.sort(runs);
        System.out.printf("%s | <= 200 µs (whole get) | %.1f µs | %.1f µs | %.1f µs%n", figure,
                runs[runs.length / 2] / 1000.0, runs[0] / 1000.0, runs[runs.length - 1] / 1000.0);
    }
}
