package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/** apps/v1: Deployment, ReplicaSet, DaemonSet, StatefulSet, each with its pod template defaulted. */
final class AppsDefaults {

    private AppsDefaults() {
    }

    static void deployment(ObjectNode d) {
        ObjectNode spec = Fields.ensureObject(d, "spec");
        defaultPointer(spec, "replicas", 1);
        ObjectNode strategy = Fields.ensureObject(spec, "strategy");
        defaultString(strategy, "type", "RollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = Fields.ensureObject(strategy, "rollingUpdate");
            defaultPointer(rolling, "maxUnavailable", "25%");
            defaultPointer(rolling, "maxSurge", "25%");
        }
        defaultPointer(spec, "revisionHistoryLimit", 10);
        defaultPointer(spec, "progressDeadlineSeconds", 600);
        PodDefaults.template(spec, "template");
    }

    static void replicaSet(ObjectNode rs) {
        ObjectNode spec = Fields.ensureObject(rs, "spec");
        defaultPointer(spec, "replicas", 1);
        PodDefaults.template(spec, "template");
    }

    static void daemonSet(ObjectNode ds) {
        ObjectNode spec = Fields.ensureObject(ds, "spec");
        ObjectNode strategy = Fields.ensureObject(spec, "updateStrategy");
        defaultString(strategy, "type", "RollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = Fields.ensureObject(strategy, "rollingUpdate");
            defaultPointer(rolling, "maxUnavailable", 1);
            defaultPointer(rolling, "maxSurge", 0);
        }
        defaultPointer(spec, "revisionHistoryLimit", 10);
        PodDefaults.template(spec, "template");
    }

    /**
     * {@code SetDefaults_StatefulSet}. A partition is only defaulted where a rollingUpdate block exists, and Go only
     * creates that block when it also had to default the type: an explicit {@code type: RollingUpdate} without
     * {@code rollingUpdate} stays without a partition. serviceName has no default in 1.32 (validation requires it).
     */
    static void statefulSet(ObjectNode sts) {
        ObjectNode spec = Fields.ensureObject(sts, "spec");
        defaultString(spec, "podManagementPolicy", "OrderedReady");
        ObjectNode strategy = Fields.ensureObject(spec, "updateStrategy");
        if (Fields.isEmptyString(strategy, "type")) {
            strategy.put("type", "RollingUpdate");
            Fields.ensureObject(strategy, "rollingUpdate");
        }
        ObjectNode rolling = object(strategy, "rollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate") && rolling != null) {
            defaultPointer(rolling, "partition", 0);
        }
        ObjectNode retention = Fields.ensureObject(spec, "persistentVolumeClaimRetentionPolicy");
        defaultString(retention, "whenDeleted", "Retain");
        defaultString(retention, "whenScaled", "Retain");
        defaultPointer(spec, "replicas", 1);
        defaultPointer(spec, "revisionHistoryLimit", 10);
        PodDefaults.template(spec, "template");
        each(spec, "volumeClaimTemplates", VolumeDefaults::claim);
    }
}
