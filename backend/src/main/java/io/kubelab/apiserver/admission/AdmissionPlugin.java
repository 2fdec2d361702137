package io.kubelab.apiserver.admission;

/**
 * One admission plugin, as kube-apiserver runs them: {@code admit} may change the object (mutating
 * phase, before validation), {@code validate} may only refuse it (validating phase, after validation).
 * Both refuse by throwing a {@link io.kubelab.apiserver.StatusException} in Kubernetes' words.
 */
public interface AdmissionPlugin {

    String name();

    default void admit(AdmissionRequest request) {
    }

    default void validate(AdmissionRequest request) {
    }
}
