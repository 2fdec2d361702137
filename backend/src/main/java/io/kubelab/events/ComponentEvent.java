package io.kubelab.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One step a request or a component took, as the architecture view and the scenario checker see it
 * (DESIGN §3.5). {@code seq} orders the events of one sandbox; {@code from} and {@code to} name the
 * path the step travels.
 */
public record ComponentEvent(long seq, Instant time, String component, Optional<String> node, String action,
                             String object, String from, String to, String message) {

    /** The contract's JSON shape; {@code node} is {@code null} for control-plane components. */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("seq", seq);
        out.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("component", component);
        if (node.isPresent()) {
            out.put("node", node.get());
        } else {
            out.putNull("node");
        }
        out.put("action", action);
        out.put("object", object);
        out.put("from", from);
        out.put("to", to);
        out.put("message", message);
        return out;
    }
}
