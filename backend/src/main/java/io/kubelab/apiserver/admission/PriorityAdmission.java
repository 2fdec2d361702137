package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceTypes;

import java.util.Optional;

/** Resolves a new pod's {@code priorityClassName} into its {@code priority} and {@code preemptionPolicy}. */
public final class PriorityAdmission implements AdmissionPlugin {

    @Override
    public String name() {
        return "Priority";
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (!r.is("", "pods") || !r.subresource().isEmpty()) {
            return;
        }
        if (r.operation() == AdmissionRequest.Operation.UPDATE && r.old().isPresent()) {
            // An update that leaves priority out keeps what admission computed at creation.
            ObjectNode spec = r.object().with("spec");
            JsonNode oldSpec = r.old().get().path("spec");
            for (String field : new String[]{"priority", "preemptionPolicy"}) {
                if (!spec.hasNonNull(field) && oldSpec.hasNonNull(field)) {
                    spec.set(field, oldSpec.get(field).deepCopy());
                }
            }
            return;
        }
        if (r.operation() != AdmissionRequest.Operation.CREATE) {
            return;
        }
        ObjectNode spec = r.object().with("spec");
        String className = spec.path("priorityClassName").asText("");
        int priority = 0;
        String preemption = "PreemptLowerPriority";
        Optional<ObjectNode> chosen = Optional.empty();
        if (!className.isEmpty()) {
            chosen = r.objects().get(ResourceTypes.of("scheduling.k8s.io/v1", "PriorityClass"), "", className);
            if (chosen.isEmpty()) {
                throw new StatusException(Status.forbidden(GroupResource.core("pods"), r.name(),
                        "no PriorityClass with name " + className + " was found"));
            }
        } else {
            // Of several global defaults, Kubernetes takes the one with the lowest value.
            chosen = r.objects().all(ResourceTypes.of("scheduling.k8s.io/v1", "PriorityClass")).stream()
                    .filter(c -> c.path("globalDefault").asBoolean(false))
                    .min(java.util.Comparator.comparingInt(c -> c.path("value").asInt()));
            chosen.ifPresent(c -> spec.put("priorityClassName", c.path("metadata").path("name").asText()));
        }
        if (chosen.isPresent()) {
            priority = chosen.get().path("value").asInt(0);
            preemption = chosen.get().path("preemptionPolicy").asText("PreemptLowerPriority");
        }
        JsonNode given = spec.get("priority");
        if (given != null && !given.isNull() && given.asInt() != priority) {
            throw new StatusException(Status.forbidden(GroupResource.core("pods"), r.name(),
                    "the integer value of priority (" + given.asInt() + ") must not be provided in pod spec; "
                            + "priority admission controller computed " + priority + " from the given PriorityClass name"));
        }
        spec.put("priority", priority);
        JsonNode givenPolicy = spec.get("preemptionPolicy");
        if (givenPolicy != null && !givenPolicy.isNull() && !givenPolicy.asText().equals(preemption)) {
            throw new StatusException(Status.forbidden(GroupResource.core("pods"), r.name(),
                    "the string value of PreemptionPolicy (" + givenPolicy.asText() + ") must not be provided in pod "
                            + "spec; priority admission controller computed " + preemption
                            + " from the given PriorityClass name"));
        }
        spec.put("preemptionPolicy", preemption);
    }
}
