package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/** batch/v1: Job and CronJob. */
final class BatchDefaults {

    private BatchDefaults() {
    }

    /** {@code SetDefaults_Job} as of 1.32 (manualSelector defaulted since 1.29, podReplacementPolicy beta-on). */
    static void job(ObjectNode job) {
        ObjectNode spec = Fields.ensureObject(job, "spec");
        // Only a job that leaves both unset is a non-parallel job of one completion; parallelism alone defaults to 1
        // and completions then stays unset (a work queue).
        if (Fields.isNil(spec, "completions") && Fields.isNil(spec, "parallelism")) {
            spec.put("completions", 1);
            spec.put("parallelism", 1);
        }
        defaultPointer(spec, "parallelism", 1);
        defaultPointer(spec, "backoffLimit", Fields.isNil(spec, "backoffLimitPerIndex") ? 6 : Integer.MAX_VALUE);
        ObjectNode templateLabels = object(object(object(spec, "template"), "metadata"), "labels");
        ObjectNode metadata = Fields.ensureObject(job, "metadata");
        if (templateLabels != null && Fields.isEmpty(metadata, "labels")) {
            metadata.set("labels", templateLabels.deepCopy());
        }
        defaultPointer(spec, "completionMode", "NonIndexed");
        defaultPointer(spec, "suspend", false);
        if (Fields.isNil(spec, "podReplacementPolicy")) {
            spec.put("podReplacementPolicy", Fields.isNil(spec, "podFailurePolicy") ? "TerminatingOrFailed" : "Failed");
        }
        defaultPointer(spec, "manualSelector", false);
        jobSpecNested(spec);
    }

    /** {@code SetDefaults_CronJob}; the job template gets only the nested (type-level) defaults, not Job's. */
    static void cronJob(ObjectNode cronJob) {
        ObjectNode spec = Fields.ensureObject(cronJob, "spec");
        defaultString(spec, "concurrencyPolicy", "Allow");
        defaultPointer(spec, "suspend", false);
        defaultPointer(spec, "successfulJobsHistoryLimit", 3);
        defaultPointer(spec, "failedJobsHistoryLimit", 1);
        jobSpecNested(Fields.ensureObject(Fields.ensureObject(spec, "jobTemplate"), "spec"));
    }

    /** What the generated code reaches inside any JobSpec: pod-failure patterns and the pod template. */
    private static void jobSpecNested(ObjectNode jobSpec) {
        each(object(jobSpec, "podFailurePolicy"), "rules",
                rule -> each(rule, "onPodConditions", pattern -> defaultString(pattern, "status", "True")));
        PodDefaults.template(jobSpec, "template");
    }
}
