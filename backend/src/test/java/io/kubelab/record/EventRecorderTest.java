package io.kubelab.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectReferences;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.kubelab.record.RecordFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** tools/record on the simulated API server: names, counting, aggregation, spam filtering, outages. */
class EventRecorderTest {

    final RecordFixture f = new RecordFixture();
    final EventRecorder kubelet = Recorders.kubelet(f.sink("system:node:node01"), "node01");

    ObjectNode containerRef() {
        return ObjectReferences.withFieldPath(f.pod, "spec.containers{nginx}").orElseThrow();
    }

    @Test
    void theKubeletsPullingEventIsShapedAsClientGoWritesIt() {
        kubelet.eventf(containerRef(), EventRecorder.NORMAL, "Pulling", "Pulling image \"%s\"", "nginx");
        List<ObjectNode> events = f.events("v1", "default");
        assertEquals(1, events.size());
        assertEquals(json("{\"metadata\":{\"name\":\"nginx.18eb416a02684000\",\"namespace\":\"default\"},"
                + "\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"nginx\",\"uid\":\""
                + f.podUid() + "\",\"apiVersion\":\"v1\",\"resourceVersion\":\"" + f.podResourceVersion()
                + "\",\"fieldPath\":\"spec.containers{nginx}\"},\"reason\":\"Pulling\","
                + "\"message\":\"Pulling image \\\"nginx\\\"\",\"source\":{\"component\":\"kubelet\",\"host\":\"node01\"},"
                + "\"firstTimestamp\":\"2026-11-25T10:00:00Z\",\"lastTimestamp\":\"2026-11-25T10:00:00Z\",\"count\":1,"
                + "\"type\":\"Normal\",\"eventTime\":null,\"reportingComponent\":\"kubelet\","
                + "\"reportingInstance\":\"node01\"}"), RecordFixture.asSent(events.get(0)));
    }

    @Test
    void theNameIsTheObjectsNameAndTheNanosecondsInHex() {
        f.clock.advance(Duration.ofMillis(1500));
        Recorders.controller(f.sink("system:kube-controller-manager"), "node-controller")
                .event(ObjectReferences.node("node01"), EventRecorder.NORMAL, "RegisteredNode",
                        "Node node01 event: Registered Node node01 in Controller");
        ObjectNode event = f.events("v1", "default").get(0);
        // 1795600801.5 s = 0x18eb416a5bd06f00 ns; a cluster-scoped object's events go to "default".
        assertEquals("node01.18eb416a5bd06f00", event.path("metadata").path("name").asText());
        assertEquals("{\"component\":\"node-controller\"}", event.path("source").toString());
        assertEquals("", event.path("reportingInstance").asText());
        assertEquals("{\"kind\":\"Node\",\"name\":\"node01\",\"uid\":\"node01\"}",
                event.path("involvedObject").toString());
    }

    @Test
    void anIdenticalEventCountsUpOnTheFirstOne() {
        for (int i = 0; i < 3; i++) {
            kubelet.event(containerRef(), EventRecorder.NORMAL, "Pulling", "Pulling image \"nginx\"");
            List<ObjectNode> events = f.events("v1", "default");
            assertEquals(1, events.size());
            ObjectNode e = events.get(0);
            assertEquals(List.of("nginx.18eb416a02684000", "2026-11-25T10:00:00Z", "2026-11-25T10:0" + (2 * i) + ":00Z",
                            String.valueOf(i + 1)),
                    List.of(e.path("metadata").path("name").asText(), e.path("firstTimestamp").asText(),
                            e.path("lastTimestamp").asText(), e.path("count").asText()));
            f.clock.advance(Duration.ofMinutes(2));
        }
    }

    @Test
    void theTenthDistinctMessageWithinTenMinutesIsCombined() {
        for (int i = 1; i <= 11; i++) {
            kubelet.event(f.pod, EventRecorder.WARNING, "FailedMount", "volume " + i + " not found");
            f.clock.advance(Duration.ofSeconds(30));
        }
        // Lists come in name order, and names grow with time: the order the events were first written.
        List<String> messages = f.events("v1", "default").stream()
                .map(e -> e.path("message").asText() + " x" + e.path("count").asInt()).toList();
        assertEquals(List.of("volume 1 not found x1", "volume 2 not found x1", "volume 3 not found x1",
                "volume 4 not found x1", "volume 5 not found x1", "volume 6 not found x1", "volume 7 not found x1",
                "volume 8 not found x1", "volume 9 not found x1",
                "(combined from similar events): volume 11 not found x2"), messages);
    }

    @Test
    void aQuietGroupStartsAfreshAfterTenMinutes() {
        for (int i = 1; i <= 9; i++) {
            kubelet.event(f.pod, EventRecorder.WARNING, "FailedMount", "volume " + i + " not found");
        }
        f.clock.advance(Duration.ofSeconds(601));
        kubelet.event(f.pod, EventRecorder.WARNING, "FailedMount", "volume 10 not found");
        assertEquals(Optional.empty(), f.events("v1", "default").stream()
                .filter(e -> e.path("message").asText().startsWith("(combined")).findFirst());
    }

    @Test
    void aSourceMayBurst25EventsAboutAnObjectThenOneEveryFiveMinutes() {
        for (int i = 1; i <= 30; i++) {
            kubelet.event(f.pod, EventRecorder.NORMAL, "Reason" + i, "message");
        }
        assertEquals(25, f.events("v1", "default").size());
        f.clock.advance(Duration.ofMinutes(5));
        kubelet.event(f.pod, EventRecorder.NORMAL, "Late1", "message");
        kubelet.event(f.pod, EventRecorder.NORMAL, "Late2", "message");
        assertEquals(List.of("Late1"), f.events("v1", "default").stream().map(e -> e.path("reason").asText())
                .filter(r -> r.startsWith("Late")).toList());
    }

    @Test
    void filteredRepeatsStillCountSoTheNextOneThroughJumps() {
        for (int i = 0; i < 30; i++) {
            kubelet.event(f.pod, EventRecorder.WARNING, "BackOff", "Back-off restarting failed container");
        }
        assertEquals(25, f.events("v1", "default").get(0).path("count").asInt());
        f.clock.advance(Duration.ofMinutes(5));
        kubelet.event(f.pod, EventRecorder.WARNING, "BackOff", "Back-off restarting failed container");
        assertEquals(31, f.events("v1", "default").get(0).path("count").asInt());
    }

    @Test
    void aStoppedApiServerIsRetriedAndNeverFailsTheComponent() {
        f.cluster.stop("apiserver");
        kubelet.event(f.pod, EventRecorder.NORMAL, "Scheduled", "first");
        kubelet.event(f.pod, EventRecorder.NORMAL, "Pulled", "second");
        f.clock.advance(Duration.ofSeconds(15));
        f.cluster.start("apiserver");
        assertEquals(0, f.events("v1", "default").size());
        f.clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of("first", "second"), f.events("v1", "default").stream()
                .map(e -> e.path("message").asText()).toList());
    }

    @Test
    void anUnknownTypeOrAnObjectWithoutKindIsNotReported() {
        kubelet.event(f.pod, "Info", "Pulling", "x");
        ObjectNode noKind = f.pod.deepCopy();
        noKind.remove("kind");
        kubelet.event(noKind, EventRecorder.NORMAL, "Pulling", "x");
        assertEquals(0, f.events("v1", "default").size());
    }
}
