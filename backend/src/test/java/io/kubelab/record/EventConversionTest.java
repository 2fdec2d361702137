package io.kubelab.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.EventConversion;
import org.junit.jupiter.api.Test;

import static io.kubelab.record.RecordFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** pkg/apis/events/v1 conversion: both directions, field for field, and back again unchanged. */
class EventConversionTest {

    static final String META = "\"metadata\":{\"name\":\"nginx.18eb416a02684000\",\"namespace\":\"default\","
            + "\"uid\":\"u-1\",\"resourceVersion\":\"812\",\"creationTimestamp\":\"2026-11-25T10:00:00Z\"}";

    static final ObjectNode KUBELET_CORE = json("{\"kind\":\"Event\",\"apiVersion\":\"v1\"," + META + ","
            + "\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"nginx\",\"uid\":\"p-1\","
            + "\"apiVersion\":\"v1\",\"resourceVersion\":\"800\",\"fieldPath\":\"spec.containers{nginx}\"},"
            + "\"reason\":\"Pulling\",\"message\":\"Pulling image \\\"nginx\\\"\","
            + "\"source\":{\"component\":\"kubelet\",\"host\":\"node01\"},\"firstTimestamp\":\"2026-11-25T10:00:00Z\","
            + "\"lastTimestamp\":\"2026-11-25T10:02:00Z\",\"count\":3,\"type\":\"Normal\",\"eventTime\":null,"
            + "\"reportingComponent\":\"kubelet\",\"reportingInstance\":\"node01\"}");

    static final ObjectNode KUBELET_V1 = json("{\"kind\":\"Event\",\"apiVersion\":\"events.k8s.io/v1\"," + META + ","
            + "\"eventTime\":null,\"reportingController\":\"kubelet\",\"reportingInstance\":\"node01\","
            + "\"reason\":\"Pulling\",\"regarding\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"nginx\","
            + "\"uid\":\"p-1\",\"apiVersion\":\"v1\",\"resourceVersion\":\"800\",\"fieldPath\":\"spec.containers{nginx}\"},"
            + "\"note\":\"Pulling image \\\"nginx\\\"\",\"type\":\"Normal\","
            + "\"deprecatedSource\":{\"component\":\"kubelet\",\"host\":\"node01\"},"
            + "\"deprecatedFirstTimestamp\":\"2026-11-25T10:00:00Z\",\"deprecatedLastTimestamp\":\"2026-11-25T10:02:00Z\","
            + "\"deprecatedCount\":3}");

    static final ObjectNode SCHEDULER_V1 = json("{\"kind\":\"Event\",\"apiVersion\":\"events.k8s.io/v1\"," + META + ","
            + "\"eventTime\":\"2026-11-25T10:00:00.000000Z\",\"series\":{\"count\":4,"
            + "\"lastObservedTime\":\"2026-11-25T10:01:30.000000Z\"},\"reportingController\":\"default-scheduler\","
            + "\"reportingInstance\":\"default-scheduler-controlplane\",\"action\":\"Scheduling\","
            + "\"reason\":\"FailedScheduling\",\"regarding\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"nginx\","
            + "\"uid\":\"p-1\",\"apiVersion\":\"v1\",\"resourceVersion\":\"800\"},"
            + "\"related\":{\"kind\":\"Node\",\"name\":\"node01\",\"uid\":\"n-1\",\"apiVersion\":\"v1\"},"
            + "\"note\":\"0/3 nodes are available.\",\"type\":\"Warning\",\"deprecatedSource\":{},"
            + "\"deprecatedFirstTimestamp\":null,\"deprecatedLastTimestamp\":null}");

    static final ObjectNode SCHEDULER_CORE = json("{\"kind\":\"Event\",\"apiVersion\":\"v1\"," + META + ","
            + "\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"nginx\",\"uid\":\"p-1\","
            + "\"apiVersion\":\"v1\",\"resourceVersion\":\"800\"},\"reason\":\"FailedScheduling\","
            + "\"message\":\"0/3 nodes are available.\",\"source\":{},\"firstTimestamp\":null,\"lastTimestamp\":null,"
            + "\"type\":\"Warning\",\"eventTime\":\"2026-11-25T10:00:00.000000Z\",\"series\":{\"count\":4,"
            + "\"lastObservedTime\":\"2026-11-25T10:01:30.000000Z\"},\"action\":\"Scheduling\","
            + "\"related\":{\"kind\":\"Node\",\"name\":\"node01\",\"uid\":\"n-1\",\"apiVersion\":\"v1\"},"
            + "\"reportingComponent\":\"default-scheduler\",\"reportingInstance\":\"default-scheduler-controlplane\"}");

    @Test
    void aLegacyEventSeenThroughEventsV1() {
        ObjectNode converted = EventConversion.toEventsV1(KUBELET_CORE);
        assertEquals(KUBELET_V1.toString(), converted.toString());
        assertEquals(KUBELET_CORE.toString(), EventConversion.toCoreV1(converted).toString());
    }

    @Test
    void anEventsV1SeriesSeenThroughCoreV1() {
        ObjectNode converted = EventConversion.toCoreV1(SCHEDULER_V1);
        assertEquals(SCHEDULER_CORE.toString(), converted.toString());
        assertEquals(SCHEDULER_V1.toString(), EventConversion.toEventsV1(converted).toString());
    }

    @Test
    void whatTheRecordersWriteRoundTrips() {
        RecordFixture f = new RecordFixture();
        Recorders.kubelet(f.sink("system:node:node01"), "node01").event(f.pod, EventRecorder.NORMAL, "Killing",
                "Stopping container nginx");
        Recorders.scheduler(f.sink("system:kube-scheduler"), Recorders.DEFAULT_SCHEDULER, "controlplane")
                .event(f.pod, null, EventRecorder.NORMAL, "Scheduled", "Binding", "Successfully assigned default/nginx to node01");
        // Both APIs list the one events resource; each recorder's event is told by its shape.
        ObjectNode core = f.events("v1", "default").stream().filter(e -> e.has("involvedObject")).findFirst()
                .orElseThrow();
        core.put("kind", "Event").put("apiVersion", "v1");
        assertEquals(core, EventConversion.toCoreV1(EventConversion.toEventsV1(core)));
        ObjectNode v1 = f.events("events.k8s.io/v1", "default").stream().filter(e -> e.has("regarding")).findFirst()
                .orElseThrow();
        v1.put("kind", "Event").put("apiVersion", "events.k8s.io/v1");
        assertEquals(v1, EventConversion.toEventsV1(EventConversion.toCoreV1(v1)));
    }
}
