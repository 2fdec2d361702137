package io.kubelab.controller.history;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bytes revision data is hashed and compared as: {@link io.kubelab.model.GoJson#marshal}, Go's
 * {@code json.Marshal} of the decoded tree. Kept under this name for the controllers that call it.
 */
public final class GoJson {

    private GoJson() {
    }

    public static String marshal(JsonNode node) {
        return io.kubelab.model.GoJson.marshal(node);
    }
}
