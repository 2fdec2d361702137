package io.kubelab.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectReferences;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.kubelab.record.RecordFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** tools/events on the simulated API server: the scheduler's shape and the series of isomorphic events. */
class EventsRecorderTest {

    final RecordFixture f = new RecordFixture();
    final EventsRecorder scheduler = Recorders.scheduler(f.sink("system:kube-scheduler"), Recorders.DEFAULT_SCHEDULER,
            "controlplane");

    List<String> series() {
        return f.events("events.k8s.io/v1", "default").stream().map(e -> e.path("metadata").path("name").asText()
                + " " + e.path("series").path("count").asInt(1) + " " + e.path("note").asText()).toList();
    }

    @Test
    void theSchedulersScheduledEventIsShapedAsClientGoWritesIt() {
        scheduler.eventf(f.pod, null, EventRecorder.NORMAL, "Scheduled", "Binding", "Successfully assigned %s/%s to %s",
                "default", "nginx", "node01");
        List<ObjectNode> events = f.events("events.k8s.io/v1", "default");
        assertEquals(1, events.size());
        assertEquals(json("{\"metadata\":{\"name\":\"nginx.18eb416a02684000\",\"namespace\":\"default\"},"
                + "\"eventTime\":\"2026-11-25T10:00:00.000000Z\",\"reportingController\":\"default-scheduler\","
                + "\"reportingInstance\":\"default-scheduler-controlplane\",\"action\":\"Binding\",\"reason\":\"Scheduled\","
                + "\"regarding\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"nginx\",\"uid\":\"" + f.podUid()
                + "\",\"apiVersion\":\"v1\",\"resourceVersion\":\"" + f.podResourceVersion() + "\"},"
                + "\"note\":\"Successfully assigned default/nginx to node01\",\"type\":\"Normal\","
                + "\"deprecatedSource\":{},\"deprecatedFirstTimestamp\":null,\"deprecatedLastTimestamp\":null}"),
                RecordFixture.asSent(events.get(0)));
    }

    @Test
    void anIsomorphicEventOpensASeriesWhoseFinalCountIsWrittenWhenItEnds() {
        for (int i = 1; i <= 4; i++) {
            scheduler.event(f.pod, null, EventRecorder.WARNING, "FailedScheduling", "Scheduling",
                    "0/3 nodes are available: attempt " + i + ".");
            f.clock.advance(Duration.ofSeconds(30));
        }
        // The second occurrence patches series.count 2; later ones only count in the client.
        assertEquals(List.of("nginx.18eb416a02684000 2 0/3 nodes are available: attempt 1."), series());
        assertEquals("2026-11-25T10:00:30.000000Z", f.events("events.k8s.io/v1", "default").get(0)
                .path("series").path("lastObservedTime").asText());
        // Checks run at 6m and 12m after the recorder started; at 12m the series has been quiet over 6m.
        f.clock.advance(Duration.ofMinutes(6));
        assertEquals(List.of("nginx.18eb416a02684000 2 0/3 nodes are available: attempt 1."), series());
        f.clock.advance(Duration.ofMinutes(6));
        assertEquals(List.of("nginx.18eb416a02684000 4 0/3 nodes are available: attempt 1."), series());
        assertEquals("2026-11-25T10:01:30.000000Z", f.events("events.k8s.io/v1", "default").get(0)
                .path("series").path("lastObservedTime").asText());
        assertEquals(0, f.clock.pending());
        scheduler.event(f.pod, null, EventRecorder.WARNING, "FailedScheduling", "Scheduling", "again");
        assertEquals(2, series().size());
    }

    @Test
    void aSingletonIsForgottenAtTheFirstCheckMoreThanSixMinutesAfterIt() {
        f.clock.advance(Duration.ofSeconds(1));
        scheduler.event(f.pod, null, EventRecorder.NORMAL, "Scheduled", "Binding", "one");
        assertEquals(0, f.clock.pending());
        f.clock.advance(Duration.ofMinutes(10));
        scheduler.event(f.pod, null, EventRecorder.NORMAL, "Scheduled", "Binding", "two");
        assertEquals(List.of("nginx.18eb416a3e030a00 2 one"), series());
        f.clock.advance(Duration.ofMinutes(30));
        scheduler.event(f.pod, null, EventRecorder.NORMAL, "Scheduled", "Binding", "three");
        assertEquals(2, series().size());
    }

    @Test
    void kubeProxyReportsAboutItsNodeAsEventsV1() {
        Recorders.kubeProxy(f.sink("system:kube-proxy"), "node01")
                .event(ObjectReferences.node("node01"), null, EventRecorder.NORMAL, "Starting", "StartKubeProxy", "");
        ObjectNode event = f.events("events.k8s.io/v1", "default").get(0);
        assertEquals(List.of("kube-proxy", "kube-proxy-node01", "{\"kind\":\"Node\",\"name\":\"node01\",\"uid\":\"node01\"}"),
                List.of(event.path("reportingController").asText(), event.path("reportingInstance").asText(),
                        event.path("regarding").toString()));
    }
}
