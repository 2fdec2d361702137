package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code DescribeEvents}: sorting, counts, series, the source fallback and the empty table. */
class EventsSectionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:10:00Z");

    /** Sorted by lastTimestamp only: the series' later observation still comes before the kubelet's event (kubectl 1.32 does so). */
    @Test
    void countsSeriesAndSourcesAsKubectlPrintsThem() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        events.add(DescribeScenario.JSON.readTree("""
                {"type":"Warning","reason":"BackOff","message":"Back-off restarting failed container\\n","count":3,
                 "firstTimestamp":"2026-11-25T10:05:00Z","lastTimestamp":"2026-11-25T10:08:00Z","source":{"component":"kubelet"}}"""));
        events.add(DescribeScenario.JSON.readTree("""
                {"type":"Normal","reason":"Scheduled","message":"Successfully assigned default/web to node01",
                 "eventTime":"2026-11-25T10:00:00.123456Z","reportingComponent":"default-scheduler","lastTimestamp":null}"""));
        events.add(DescribeScenario.JSON.readTree("""
                {"type":"Warning","reason":"FailedScheduling","message":"0/3 nodes are available","eventTime":"2026-11-25T10:01:00.000000Z",
                 "series":{"count":4,"lastObservedTime":"2026-11-25T10:09:30.000000Z"},"reportingComponent":"default-scheduler"}"""));
        TabWriter out = new TabWriter();
        EventsSection.write(events, new PrefixWriter(out), NOW);
        assertEquals("""
                Events:
                  Type     Reason            Age               From               Message
                  ----     ------            ----              ----               -------
                  Normal   Scheduled         9m59s             default-scheduler  Successfully assigned default/web to node01
                  Warning  FailedScheduling  30s (x4 over 9m)  default-scheduler  0/3 nodes are available
                  Warning  BackOff           2m (x3 over 5m)   kubelet            Back-off restarting failed container
                """, out.flush());
    }

    @Test
    void noEventsIsOneLineThatJoinsTheFieldsAbove() {
        TabWriter out = new TabWriter();
        PrefixWriter w = new PrefixWriter(out);
        w.write(PrefixWriter.LEVEL_0, "Name:\tweb\n");
        EventsSection.write(List.of(), w, NOW);
        assertEquals("Name:    web\nEvents:  <none>\n", out.flush());
    }
}
