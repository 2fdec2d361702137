package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Jobs: unless the user asks for a manual selector, the registry labels the pod template with the job's
 * name and uid and selects on the uid, so a job's pods can never be mistaken for another's.
 */
final class JobStrategy implements Strategy {

    static final String JOB_NAME = "batch.kubernetes.io/job-name";
    static final String LEGACY_JOB_NAME = "job-name";
    static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
    static final String LEGACY_CONTROLLER_UID = "controller-uid";

    @Override
    public void prepareForCreate(ObjectNode job, Context context) {
        ObjectNode spec = job.with("spec");
        if (spec.path("manualSelector").asBoolean(false)) {
            return;
        }
        String name = ObjectMeta.name(job);
        String uid = ObjectMeta.uid(job);
        ObjectNode labels = spec.with("template").with("metadata").with("labels");
        for (String key : new String[]{LEGACY_JOB_NAME, JOB_NAME}) {
            if (!labels.has(key)) {
                labels.put(key, name);
            }
        }
        for (String key : new String[]{LEGACY_CONTROLLER_UID, CONTROLLER_UID}) {
            if (!labels.has(key)) {
                labels.put(key, uid);
            }
        }
        ObjectNode matchLabels = spec.with("selector").with("matchLabels");
        if (!matchLabels.has(CONTROLLER_UID)) {
            matchLabels.put(CONTROLLER_UID, uid);
        }
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }

    @Override
    public Set<String> extraFields() {
        return Set.of("status.successful");
    }
}
