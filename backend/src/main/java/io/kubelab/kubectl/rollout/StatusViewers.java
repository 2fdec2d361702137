package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;

/**
 * kubectl's rollout status viewers: for a Deployment, DaemonSet or StatefulSet, the line to print and
 * whether the rollout is done, in kubectl's words.
 */
final class StatusViewers {

    record Status(String message, boolean done) {
    }

    private StatusViewers() {
    }

    static Status status(String kind, ObjectNode object, long revision) throws KubectlException {
        return switch (kind) {
            case "Deployment" -> deployment(object, revision);
            case "DaemonSet" -> daemonSet(object);
            case "StatefulSet" -> statefulSet(object);
            default -> throw KubectlException.error("no status viewer has been implemented for " + kind);
        };
    }

    private static Status deployment(ObjectNode d, long revision) throws KubectlException {
        String name = d.path("metadata").path("name").asText();
        JsonNode status = d.path("status");
        if (revision > 0) {
            long current = d.path("metadata").path("annotations").path("deployment.kubernetes.io/revision").asLong(0);
            if (current != revision) {
                throw KubectlException.error("desired revision (" + revision + ") is different from the running revision ("
                        + current + ")");
            }
        }
        if (d.path("metadata").path("generation").asLong() > status.path("observedGeneration").asLong()) {
            return new Status("Waiting for deployment spec update to be observed...\n", false);
        }
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals("Progressing") && c.path("reason").asText().equals("ProgressDeadlineExceeded")) {
                throw KubectlException.error("deployment \"" + name + "\" exceeded its progress deadline");
            }
        }
        long replicas = d.path("spec").path("replicas").asLong(1);
        long updated = status.path("updatedReplicas").asLong();
        long total = status.path("replicas").asLong();
        long available = status.path("availableReplicas").asLong();
        String prefix = "Waiting for deployment \"" + name + "\" rollout to finish: ";
        if (updated < replicas) {
            return new Status(prefix + updated + " out of " + replicas + " new replicas have been updated...\n", false);
        }
        if (total > updated) {
            return new Status(prefix + (total - updated) + " old replicas are pending termination...\n", false);
        }
        if (available < updated) {
            return new Status(prefix + available + " of " + updated + " updated replicas are available...\n", false);
        }
        return new Status("deployment \"" + name + "\" successfully rolled out\n", true);
    }

    private static Status daemonSet(ObjectNode ds) throws KubectlException {
        String name = ds.path("metadata").path("name").asText();
        if (!ds.path("spec").path("updateStrategy").path("type").asText("RollingUpdate").equals("RollingUpdate")) {
            throw KubectlException.error("rollout status is only available for RollingUpdate strategy type");
        }
        JsonNode status = ds.path("status");
        if (ds.path("metadata").path("generation").asLong() > status.path("observedGeneration").asLong()) {
            return new Status("Waiting for daemon set spec update to be observed...\n", false);
        }
        long desired = status.path("desiredNumberScheduled").asLong();
        long updated = status.path("updatedNumberScheduled").asLong();
        long available = status.path("numberAvailable").asLong();
        String prefix = "Waiting for daemon set \"" + name + "\" rollout to finish: ";
        if (updated < desired) {
            return new Status(prefix + updated + " out of " + desired + " new pods have been updated...\n", false);
        }
        if (available < desired) {
            return new Status(prefix + available + " of " + desired + " updated pods are available...\n", false);
        }
        return new Status("daemon set \"" + name + "\" successfully rolled out\n", true);
    }

    private static Status statefulSet(ObjectNode sts) throws KubectlException {
        JsonNode strategy = sts.path("spec").path("updateStrategy");
        if (!strategy.path("type").asText("RollingUpdate").equals("RollingUpdate")) {
            throw KubectlException.error("rollout status is only available for RollingUpdate strategy type");
        }
        JsonNode status = sts.path("status");
        long observed = status.path("observedGeneration").asLong();
        if (observed == 0 || sts.path("metadata").path("generation").asLong() > observed) {
            return new Status("Waiting for statefulset spec update to be observed...\n", false);
        }
        long replicas = sts.path("spec").path("replicas").asLong(1);
        long ready = status.path("readyReplicas").asLong();
        if (ready < replicas) {
            return new Status("Waiting for " + (replicas - ready) + " pods to be ready...\n", false);
        }
        long updated = status.path("updatedReplicas").asLong();
        JsonNode partition = strategy.path("rollingUpdate").path("partition");
        if (strategy.path("rollingUpdate").isObject()) {
            if (partition.isNumber() && updated < replicas - partition.asLong()) {
                return new Status("Waiting for partitioned roll out to finish: " + updated + " out of "
                        + (replicas - partition.asLong()) + " new pods have been updated...\n", false);
            }
            return new Status("partitioned roll out complete: " + updated + " new pods have been updated...\n", true);
        }
        String updateRevision = status.path("updateRevision").asText();
        if (!updateRevision.equals(status.path("currentRevision").asText())) {
            return new Status("waiting for statefulset rolling update to complete " + updated + " pods at revision "
                    + updateRevision + "...\n", false);
        }
        return new Status("statefulset rolling update complete " + status.path("currentReplicas").asLong()
                + " pods at revision " + status.path("currentRevision").asText() + "...\n", true);
    }
}
