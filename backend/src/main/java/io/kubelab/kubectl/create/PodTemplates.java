package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The pod template the workload generators nest: {@code template.metadata.creationTimestamp: null} and a spec. */
final class PodTemplates {

    private PodTemplates() {
    }

    /** Adds {@code template} to {@code spec} and answers its pod spec, to fill. */
    static ObjectNode template(ObjectNode spec) {
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putNull("creationTimestamp");
        return template.putObject("spec");
    }
}
