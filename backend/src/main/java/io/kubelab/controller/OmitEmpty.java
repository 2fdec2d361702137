package io.kubelab.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Status counters as Go writes {@code int32 `json:",omitempty"`} fields: a zero is left out. */
public final class OmitEmpty {

    private OmitEmpty() {
    }

    public static void putNonZero(ObjectNode status, String field, long value) {
        // As an int when it fits, so the tree equals one parsed from the same JSON.
        if (value != 0 && value == (int) value) {
            status.put(field, (int) value);
        } else if (value != 0) {
            status.put(field, value);
        }
    }
}
