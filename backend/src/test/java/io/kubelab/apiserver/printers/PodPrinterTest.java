package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** printPod's READY, STATUS and RESTARTS for the pod states printers.go distinguishes. */
class PodPrinterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** A pod created an hour before NOW; {@code spec} and {@code status} are JSON object bodies. */
    static ObjectNode pod(String metadataExtra, String spec, String status) throws Exception {
        return (ObjectNode) JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\","
                + "\"namespace\":\"default\",\"creationTimestamp\":\"2026-11-25T11:00:00Z\"" + metadataExtra + "},"
                + "\"spec\":{" + spec + "},\"status\":{" + status + "}}");
    }

    static final String ONE = "\"containers\":[{\"name\":\"a\",\"image\":\"nginx\"}]";
    static final String TWO = "\"containers\":[{\"name\":\"a\",\"image\":\"nginx\"},{\"name\":\"b\",\"image\":\"nginx\"}]";
    static final String INIT = "\"initContainers\":[{\"name\":\"i\",\"image\":\"busybox\"},{\"name\":\"j\",\"image\":\"busybox\"}],";
    static final String SIDECAR = "\"initContainers\":[{\"name\":\"s\",\"image\":\"busybox\",\"restartPolicy\":\"Always\"}],";
    static final String RUNNING = "{\"name\":\"a\",\"ready\":true,\"restartCount\":0,\"state\":{\"running\":{}}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "running|``|" + ONE + "|\"phase\":\"Running\",\"containerStatuses\":[" + RUNNING + "]|1/1|Running|0",
            "pending, unscheduled|``|" + ONE + "|\"phase\":\"Pending\"|0/1|Pending|0",
            "scheduling gated|``|" + ONE + "|\"phase\":\"Pending\",\"conditions\":[{\"type\":\"PodScheduled\",\"status\":\"False\",\"reason\":\"SchedulingGated\"}]|0/1|SchedulingGated|0",
            "waiting reason|``|" + ONE + "|\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"a\",\"ready\":false,\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ContainerCreating\"}}}]|0/1|ContainerCreating|0",
            "crash loop with last restart|``|" + ONE + "|\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"a\",\"ready\":false,\"restartCount\":4,\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}},\"lastState\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\",\"finishedAt\":\"2026-11-25T11:58:00Z\"}}}]|0/1|CrashLoopBackOff|4 (2m ago)",
            "terminated without reason, signal|``|" + ONE + "|\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"a\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":137,\"signal\":9}}}]|0/1|Signal:9|0",
            "terminated without reason, exit code|``|" + ONE + "|\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"a\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":2}}}]|0/1|ExitCode:2|0",
            "completed|``|" + ONE + "|\"phase\":\"Succeeded\",\"containerStatuses\":[{\"name\":\"a\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]|0/1|Completed|0",
            "completed but one still running and ready|``|" + TWO + "|\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],\"containerStatuses\":[" + RUNNING + ",{\"name\":\"b\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]|1/2|Running|0",
            "completed but one still running, pod not ready|``|" + TWO + "|\"phase\":\"Running\",\"containerStatuses\":[" + RUNNING + ",{\"name\":\"b\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]|1/2|NotReady|0",
            "init 0 of 2|``|" + INIT + ONE + "|\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"restartCount\":0,\"state\":{\"running\":{}}},{\"name\":\"j\",\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"PodInitializing\"}}}]|0/1|Init:0/2|0",
            "init 1 of 2|``|" + INIT + ONE + "|\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}},{\"name\":\"j\",\"restartCount\":0,\"state\":{\"running\":{}}}]|0/1|Init:1/2|0",
            "init error|``|" + INIT + ONE + "|\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\"}}}]|0/1|Init:Error|0",
            "init exit code|``|" + INIT + ONE + "|\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":3}}}]|0/1|Init:ExitCode:3|0",
            "init crash loop counts init restarts|``|" + INIT + ONE + "|\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"restartCount\":3,\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}},\"lastState\":{\"terminated\":{\"exitCode\":1,\"finishedAt\":\"2026-11-25T11:00:30Z\"}}}]|0/1|Init:CrashLoopBackOff|3 (59m ago)",
            "sidecar started and ready|``|" + SIDECAR + ONE + "|\"phase\":\"Running\",\"conditions\":[{\"type\":\"Initialized\",\"status\":\"True\"}],\"initContainerStatuses\":[{\"name\":\"s\",\"ready\":true,\"started\":true,\"restartCount\":1,\"state\":{\"running\":{}},\"lastState\":{\"terminated\":{\"exitCode\":1,\"finishedAt\":\"2026-11-25T11:10:00Z\"}}}],\"containerStatuses\":[" + RUNNING + "]|2/2|Running|1 (50m ago)",
            "terminating|`,\"deletionTimestamp\":\"2026-11-25T11:59:30Z\"`|" + ONE + "|\"phase\":\"Running\",\"containerStatuses\":[" + RUNNING + "]|1/1|Terminating|0",
            "node lost|`,\"deletionTimestamp\":\"2026-11-25T11:59:30Z\"`|" + ONE + "|\"phase\":\"Running\",\"reason\":\"NodeLost\",\"containerStatuses\":[" + RUNNING + "]|1/1|Unknown|0",
            "deleted after success stays completed|`,\"deletionTimestamp\":\"2026-11-25T11:59:30Z\"`|" + ONE + "|\"phase\":\"Succeeded\",\"containerStatuses\":[{\"name\":\"a\",\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]|0/1|Completed|0",
            "evicted|``|" + ONE + "|\"phase\":\"Failed\",\"reason\":\"Evicted\"|0/1|Evicted|0"})
    void readyStatusRestarts(String name, String metadata, String spec, String status, String ready, String reason,
                             String restarts) throws Exception {
        ObjectNode table = TablePrinters.table(ResourceTypes.of("v1", "Pod"), List.of(pod(metadata, spec, status)), NOW,
                IncludeObject.NONE);
        var cells = table.path("rows").get(0).path("cells");
        assertEquals(List.of("p", ready, reason, restarts, "60m"),
                List.of(cells.get(0).asText(), cells.get(1).asText(), cells.get(2).asText(), cells.get(3).asText(),
                        cells.get(4).asText()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no IP yet|\"phase\":\"Pending\"|<none>|<none>|<none>|<none>",
            "scheduled with IP|\"phase\":\"Running\",\"podIPs\":[{\"ip\":\"10.244.1.5\"},{\"ip\":\"fd00::5\"}],\"nominatedNodeName\":\"node02\"|10.244.1.5|node01|node02|<none>",
            "gates|\"phase\":\"Running\",\"conditions\":[{\"type\":\"g1\",\"status\":\"True\"},{\"type\":\"g2\",\"status\":\"False\"}]|<none>|node01|<none>|1/2"})
    void wideColumns(String name, String status, String ip, String node, String nominated, String gates) throws Exception {
        String spec = name.equals("no IP yet") ? ONE
                : ONE + ",\"nodeName\":\"node01\"" + (name.equals("gates")
                ? ",\"readinessGates\":[{\"conditionType\":\"g1\"},{\"conditionType\":\"g2\"}]" : "");
        var cells = TablePrinters.table(ResourceTypes.of("v1", "Pod"), List.of(pod("", spec, status)), NOW,
                IncludeObject.NONE).path("rows").get(0).path("cells");
        assertEquals(List.of(ip, node, nominated, gates), List.of(cells.get(5).asText(), cells.get(6).asText(),
                cells.get(7).asText(), cells.get(8).asText()));
    }
}
