package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** scheduling.k8s.io/v1: PriorityClass. */
final class SchedulingDefaults {

    private SchedulingDefaults() {
    }

    static void priorityClass(ObjectNode pc) {
        Fields.defaultPointer(pc, "preemptionPolicy", "PreemptLowerPriority");
    }
}
