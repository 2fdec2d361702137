package io.kubelab.kubectl.rollout;

final class PodTemplateText {
    static String describe(com.fasterxml.jackson.databind.node.ObjectNode t) {
        return "Pod Template:\n";
    }
}
