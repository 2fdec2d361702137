package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.admission.AdmissionPlugin;
import io.kubelab.apiserver.admission.AdmissionRequest;

import java.util.List;

/**
 * The write path's pluggable stages in kube-apiserver's order: scheme defaulting, mutating admission,
 * validation, validating admission.
 */
public record Pipeline(Defaulter defaulter, Validator validator, List<AdmissionPlugin> admission) {

    /** Kubernetes' scheme defaulting for an object of a known kind, in place. */
    public interface Defaulter {
        void apply(ObjectNode object);
    }

    /** Kubernetes' validation; an empty list means valid. */
    public interface Validator {
        List<Status.Cause> validateCreate(ObjectNode object);

        List<Status.Cause> validateUpdate(ObjectNode object, ObjectNode old);
    }

    void admit(AdmissionRequest request) {
        for (AdmissionPlugin plugin : admission) {
            plugin.admit(request);
        }
    }

    void validate(AdmissionRequest request) {
        for (AdmissionPlugin plugin : admission) {
            plugin.validate(request);
        }
    }

    public List<String> admissionNames() {
        return admission.stream().map(AdmissionPlugin::name).toList();
    }
}
