package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kubelab.model.HumanDuration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;

/** kubectl's Job and CronJob describers. */
final class JobDescribers {

    private JobDescribers() {
    }

    static void job(DescribeContext ctx, ObjectNode job, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, job);
        JsonNode spec = job.path("spec");
        JsonNode status = job.path("status");
        Meta.name(w, job);
        Meta.namespace(w, job);
        w.write(LEVEL_0, "Selector:\t" + Meta.selector(spec.path("selector")) + "\n");
        Meta.labels(w, job);
        Meta.annotations(w, job);
        Meta.controlledBy(w, job);
        if (J.has(spec, "parallelism")) {
            w.write(LEVEL_0, "Parallelism:\t" + J.num(spec, "parallelism") + "\n");
        }
        w.write(LEVEL_0, "Completions:\t" + (J.has(spec, "completions") ? String.valueOf(J.num(spec, "completions")) : Meta.UNSET) + "\n");
        if (J.has(spec, "completionMode")) {
            w.write(LEVEL_0, "Completion Mode:\t" + J.str(spec, "completionMode") + "\n");
        }
        if (J.has(spec, "suspend")) {
            w.write(LEVEL_0, "Suspend:\t" + J.bool(spec, "suspend") + "\n");
        }
        if (J.has(spec, "backoffLimit")) {
            w.write(LEVEL_0, "Backoff Limit:\t" + J.num(spec, "backoffLimit") + "\n");
        }
        if (J.has(spec, "ttlSecondsAfterFinished")) {
            w.write(LEVEL_0, "TTL Seconds After Finished:\t" + J.num(spec, "ttlSecondsAfterFinished") + "\n");
        }
        if (J.has(status, "startTime")) {
            w.write(LEVEL_0, "Start Time:\t" + Ages.date(J.str(status, "startTime")) + "\n");
        }
        if (J.has(status, "completionTime")) {
            w.write(LEVEL_0, "Completed At:\t" + Ages.date(J.str(status, "completionTime")) + "\n");
        }
        Instant start = Ages.parse(J.str(status, "startTime"));
        Instant end = Ages.parse(J.str(status, "completionTime"));
        if (start != null && end != null) {
            w.write(LEVEL_0, "Duration:\t" + HumanDuration.of(Duration.between(start, end)) + "\n");
        }
        if (J.has(spec, "activeDeadlineSeconds")) {
            w.write(LEVEL_0, "Active Deadline Seconds:\t" + J.num(spec, "activeDeadlineSeconds") + "s\n");
        }
        if (J.has(status, "ready")) {
            w.write(LEVEL_0, "Pods Statuses:\t" + J.num(status, "active") + " Active (" + J.num(status, "ready") + " Ready) / "
                    + J.num(status, "succeeded") + " Succeeded / " + J.num(status, "failed") + " Failed\n");
        } else {
            w.write(LEVEL_0, "Pods Statuses:\t" + J.num(status, "active") + " Active / " + J.num(status, "succeeded")
                    + " Succeeded / " + J.num(status, "failed") + " Failed\n");
        }
        if (J.str(spec, "completionMode").equals("Indexed")) {
            w.write(LEVEL_0, "Completed Indexes:\t" + capIndexes(J.str(status, "completedIndexes"), 50) + "\n");
        }
        PodTemplateSection.write(w, spec.path("template"));
        EventsSection.write(events, w, ctx.now());
    }

    /** {@code capIndexesListOrNone}: the list cut at the first comma past the soft limit. */
    private static String capIndexes(String indexes, int softLimit) {
        if (indexes.isEmpty()) {
            return Meta.NONE;
        }
        int ix = softLimit;
        while (ix < indexes.length() && indexes.charAt(ix) != ',') {
            ix++;
        }
        return ix >= indexes.length() ? indexes : indexes.substring(0, ix + 1) + "...";
    }

    static void cronJob(DescribeContext ctx, ObjectNode cj, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, cj);
        JsonNode spec = cj.path("spec");
        Meta.name(w, cj);
        Meta.namespace(w, cj);
        Meta.labels(w, cj);
        Meta.annotations(w, cj);
        w.write(LEVEL_0, "Schedule:\t" + J.str(spec, "schedule") + "\n");
        w.write(LEVEL_0, "Concurrency Policy:\t" + J.str(spec, "concurrencyPolicy") + "\n");
        w.write(LEVEL_0, "Suspend:\t" + Meta.boolPtr(spec, "suspend") + "\n");
        w.write(LEVEL_0, "Successful Job History Limit:\t" + numOrUnset(spec, "successfulJobsHistoryLimit") + "\n");
        w.write(LEVEL_0, "Failed Job History Limit:\t" + numOrUnset(spec, "failedJobsHistoryLimit") + "\n");
        w.write(LEVEL_0, "Starting Deadline Seconds:\t"
                + (J.has(spec, "startingDeadlineSeconds") ? J.num(spec, "startingDeadlineSeconds") + "s" : Meta.UNSET) + "\n");
        JsonNode jobSpec = J.at(spec, "jobTemplate", "spec");
        w.write(LEVEL_0, "Selector:\t" + (jobSpec.path("selector").isObject() ? Meta.selector(jobSpec.path("selector")) : Meta.UNSET) + "\n");
        w.write(LEVEL_0, "Parallelism:\t" + numOrUnset(jobSpec, "parallelism") + "\n");
        w.write(LEVEL_0, "Completions:\t" + numOrUnset(jobSpec, "completions") + "\n");
        if (J.has(jobSpec, "activeDeadlineSeconds")) {
            w.write(LEVEL_0, "Active Deadline Seconds:\t" + J.num(jobSpec, "activeDeadlineSeconds") + "s\n");
        }
        PodTemplateSection.write(w, jobSpec.path("template"));
        String last = J.str(cj, "status", "lastScheduleTime");
        w.write(LEVEL_0, "Last Schedule Time:\t" + (last.isEmpty() ? Meta.UNSET : Ages.date(last)) + "\n");
        w.write(LEVEL_0, "Active Jobs:\t");
        List<String> active = new ArrayList<>();
        for (JsonNode ref : J.list(cj, "status", "active")) {
            active.add(J.str(ref, "name"));
        }
        if (active.isEmpty()) {
            w.writeLine(Meta.NONE);
        } else {
            w.write(LEVEL_0, String.join(", ", active));
            w.writeLine("");
        }
        EventsSection.write(events, w, ctx.now());
    }

    private static String numOrUnset(JsonNode n, String field) {
        return J.has(n, field) ? String.valueOf(J.num(n, field)) : Meta.UNSET;
    }
}
