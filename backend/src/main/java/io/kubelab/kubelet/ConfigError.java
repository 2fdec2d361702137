package io.kubelab.kubelet;

/**
 * A container's configuration cannot be built yet (a missing ConfigMap, Secret or key): the kubelet's
 * {@code CreateContainerConfigError}, with the message it shows. {@code namespace}/{@code name} is what it
 * waits for, so that object appearing can retry the pod at once.
 */
final class ConfigError extends Exception {

    private final String namespace;
    private final String object;

    ConfigError(String message, String namespace, String object) {
        super(message, null, false, false);
        this.namespace = namespace;
        this.object = object;
    }

    String namespace() {
        return namespace;
    }

    String object() {
        return object;
    }
}
