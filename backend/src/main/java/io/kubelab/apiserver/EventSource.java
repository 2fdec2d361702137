package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * core/v1 {@code EventSource}: who reports an event. {@code host} is empty for controllers; the kubelet
 * sets it to its node's name. client-go's legacy recorder also copies these into {@code reportingComponent}
 * and {@code reportingInstance}.
 */
public record EventSource(String component, String host) {

    public EventSource {
        component = component == null ? "" : component;
        host = host == null ? "" : host;
    }

    public static EventSource of(String component) {
        return new EventSource(component, "");
    }

    /** As Go marshals it: both fields omitempty, so a controller's source is {@code {"component":"..."}}. */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!component.isEmpty()) {
            out.put("component", component);
        }
        if (!host.isEmpty()) {
            out.put("host", host);
        }
        return out;
    }
}
