package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Applies a PATCH request's body to the stored object, returning the object to write. */
public interface Patcher {

    ObjectNode apply(ApiRequest request, ObjectNode stored);
}
