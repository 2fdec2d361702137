package io.kubelab.scheduler;

import io.kubelab.scheduler.framework.Diagnosis;
import io.kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FitErrorTest {

    @Test
    void reasonsAreCountedAndSortedAsStrings() {
        Map<String, Status> statuses = new LinkedHashMap<>();
        statuses.put("a", Status.unschedulable("Insufficient cpu", "Insufficient memory"));
        statuses.put("b", Status.unschedulable("Insufficient cpu"));
        statuses.put("c", Status.unresolvable("node(s) were unschedulable"));
        Diagnosis diagnosis = new Diagnosis(statuses, Status.unresolvable(), "");
        assertEquals("0/12 nodes are available: 1 Insufficient memory, 1 node(s) were unschedulable, 2 Insufficient cpu.",
                FitError.message(12, diagnosis, ""));
    }

    @Test
    void aPreFilterRejectionIsReportedOnce() {
        Diagnosis diagnosis = new Diagnosis(new LinkedHashMap<>(), Status.unresolvable("x"), "persistentvolumeclaim \"x\" not found");
        assertEquals("0/2 nodes are available: persistentvolumeclaim \"x\" not found. preemption: y.",
                FitError.message(2, diagnosis, "preemption: y"));
    }

    @Test
    void backoffDoublesFromOneSecondUpToTen() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 10L, 10L), List.of(1, 2, 3, 4, 5, 9).stream()
                .map(SchedulingQueue::backoff).map(Duration::toSeconds).toList());
    }
}
