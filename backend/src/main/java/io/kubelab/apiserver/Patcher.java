package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Applies a PATCH request's body to the stored object, returning the object to write and any warnings. */
public interface Patcher {

    Patched apply(ApiRequest request, ObjectNode stored);

    record Patched(ObjectNode object, List<String> warnings) {
    }
}
