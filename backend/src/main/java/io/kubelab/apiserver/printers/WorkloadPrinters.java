package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;

import io.kubelab.model.HumanDuration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static io.kubelab.apiserver.printers.Column.age;
import static io.kubelab.apiserver.printers.Column.integer;
import static io.kubelab.apiserver.printers.Column.nameColumn;
import static io.kubelab.apiserver.printers.Column.string;

/** printers.go's handlers for the workload kinds: Deployment, ReplicaSet, DaemonSet, StatefulSet, Job, CronJob... */
final class WorkloadPrinters {

    static final String CONTAINERS = "Names of each container in the template.";
    static final String IMAGES = "Images referenced by each container in the template.";

    private WorkloadPrinters() {
    }

    private static String nameOf(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    private static void containersAndSelector(Row row, JsonNode podSpec, String selector) {
        String[] c = Formats.containers(podSpec.path("containers"));
        row.str(c[0]).str(c[1]);
        if (selector != null) {
            row.str(selector);
        }
    }

    static final Printer DEPLOYMENT = new Printer(List.of(nameColumn(),
            string("Ready", "Number of the pod with ready state"),
            string("Up-to-date", Docs.DEPLOYMENT_STATUS_UPDATED),
            string("Available", Docs.DEPLOYMENT_STATUS_AVAILABLE),
            age(),
            string("Containers", CONTAINERS).wide(),
            string("Images", IMAGES).wide(),
            string("Selector", Docs.DEPLOYMENT_SPEC_SELECTOR).wide()),
            (o, row) -> {
                JsonNode status = o.path("status");
                String selector = Formats.selector(o.path("spec").path("selector"));
                row.str(nameOf(o)).str(status.path("readyReplicas").asLong() + "/" + o.path("spec").path("replicas").asLong())
                        .num(status.path("updatedReplicas").asLong()).num(status.path("availableReplicas").asLong())
                        .age(o);
                containersAndSelector(row, o.path("spec").path("template").path("spec"),
                        selector == null ? "<invalid>" : selector);
            });

    static final Printer REPLICA_SET = new Printer(List.of(nameColumn(),
            integer("Desired", Docs.RS_SPEC_REPLICAS), integer("Current", Docs.RS_STATUS_REPLICAS),
            integer("Ready", Docs.RS_STATUS_READY_REPLICAS), age(),
            string("Containers", CONTAINERS).wide(), string("Images", IMAGES).wide(),
            string("Selector", Docs.RS_SPEC_SELECTOR).wide()),
            (o, row) -> {
                row.str(nameOf(o)).num(o.path("spec").path("replicas").asLong())
                        .num(o.path("status").path("replicas").asLong())
                        .num(o.path("status").path("readyReplicas").asLong()).age(o);
                containersAndSelector(row, o.path("spec").path("template").path("spec"),
                        Formats.formatSelector(o.path("spec").path("selector")));
            });

    static final Printer REPLICATION_CONTROLLER = new Printer(List.of(nameColumn(),
            integer("Desired", Docs.RC_SPEC_REPLICAS), integer("Current", Docs.RC_STATUS_REPLICAS),
            integer("Ready", Docs.RC_STATUS_READY_REPLICAS), age(),
            string("Containers", CONTAINERS).wide(), string("Images", IMAGES).wide(),
            string("Selector", Docs.RC_SPEC_SELECTOR).wide()),
            (o, row) -> {
                row.str(nameOf(o)).num(o.path("spec").path("replicas").asLong())
                        .num(o.path("status").path("replicas").asLong())
                        .num(o.path("status").path("readyReplicas").asLong()).age(o);
                containersAndSelector(row, o.path("spec").path("template").path("spec"),
                        Formats.labels(o.path("spec").path("selector")));
            });

    static final Printer DAEMON_SET = new Printer(List.of(nameColumn(),
            integer("Desired", Docs.DS_STATUS_DESIRED), integer("Current", Docs.DS_STATUS_CURRENT),
            integer("Ready", Docs.DS_STATUS_READY),
            integer("Up-to-date", Docs.DS_STATUS_UPDATED), integer("Available", Docs.DS_STATUS_AVAILABLE),
            string("Node Selector", Docs.POD_SPEC_NODE_SELECTOR), age(),
            string("Containers", CONTAINERS).wide(), string("Images", IMAGES).wide(),
            string("Selector", Docs.DS_SPEC_SELECTOR).wide()),
            (o, row) -> {
                JsonNode s = o.path("status");
                JsonNode podSpec = o.path("spec").path("template").path("spec");
                row.str(nameOf(o)).num(s.path("desiredNumberScheduled").asLong())
                        .num(s.path("currentNumberScheduled").asLong()).num(s.path("numberReady").asLong())
                        .num(s.path("updatedNumberScheduled").asLong()).num(s.path("numberAvailable").asLong())
                        .str(Formats.labels(podSpec.path("nodeSelector"))).age(o);
                containersAndSelector(row, podSpec, Formats.formatSelector(o.path("spec").path("selector")));
            });

    static final Printer STATEFUL_SET = new Printer(List.of(nameColumn(),
            string("Ready", "Number of the pod with ready state"), age(),
            string("Containers", CONTAINERS).wide(), string("Images", IMAGES).wide()),
            (o, row) -> {
                row.str(nameOf(o)).str(o.path("status").path("readyReplicas").asLong() + "/"
                        + o.path("spec").path("replicas").asLong()).age(o);
                containersAndSelector(row, o.path("spec").path("template").path("spec"), null);
            });

    static final Printer JOB = new Printer(List.of(nameColumn(),
            string("Status", "Status of the job."),
            string("Completions", Docs.JOB_STATUS_SUCCEEDED),
            string("Duration", "Time required to complete the job."),
            age(),
            string("Containers", CONTAINERS).wide(), string("Images", IMAGES).wide(),
            string("Selector", Docs.JOB_SPEC_SELECTOR).wide()),
            WorkloadPrinters::job);

    private static void job(JsonNode o, Row row) {
        JsonNode spec = o.path("spec");
        JsonNode status = o.path("status");
        long succeeded = status.path("succeeded").asLong();
        String completions;
        if (spec.path("completions").isNumber()) {
            completions = succeeded + "/" + spec.path("completions").asLong();
        } else {
            long parallelism = spec.path("parallelism").asLong(0);
            completions = parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
        }
        Instant start = Row.time(status.path("startTime"));
        Instant completion = Row.time(status.path("completionTime"));
        String duration = "";
        if (start != null) {
            duration = HumanDuration.of(Duration.between(start, completion == null ? row.now : completion));
        }
        JsonNode conditions = status.path("conditions");
        String state;
        if (condition(conditions, "Complete")) {
            state = "Complete";
        } else if (condition(conditions, "Failed")) {
            state = "Failed";
        } else if (o.path("metadata").path("deletionTimestamp").isTextual()) {
            state = "Terminating";
        } else if (condition(conditions, "Suspended")) {
            state = "Suspended";
        } else if (condition(conditions, "FailureTarget")) {
            state = "FailureTarget";
        } else {
            state = "Running";
        }
        row.str(nameOf(o)).str(state).str(completions).str(duration).age(o);
        containersAndSelector(row, spec.path("template").path("spec"), Formats.formatSelector(spec.path("selector")));
    }

    /** {@code hasJobCondition}: the first condition of that type decides. */
    private static boolean condition(JsonNode conditions, String type) {
        for (JsonNode c : conditions) {
            if (type.equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }

    static final Printer CRON_JOB = new Printer(List.of(nameColumn(),
            string("Schedule", Docs.CRON_SPEC_SCHEDULE), string("Timezone", Docs.CRON_SPEC_TIME_ZONE),
            Column.bool("Suspend", Docs.CRON_SPEC_SUSPEND),
            integer("Active", Docs.CRON_STATUS_ACTIVE), string("Last Schedule",
            Docs.CRON_STATUS_LAST_SCHEDULE), age(),
            string("Containers", CONTAINERS).wide(), string("Images", IMAGES).wide(),
            string("Selector", Docs.JOB_SPEC_SELECTOR).wide()),
            (o, row) -> {
                JsonNode spec = o.path("spec");
                JsonNode last = o.path("status").path("lastScheduleTime");
                JsonNode suspend = spec.path("suspend");
                row.str(nameOf(o)).str(spec.path("schedule").asText())
                        .str(spec.path("timeZone").isTextual() ? spec.path("timeZone").asText() : Row.NONE)
                        .str(suspend.isBoolean() ? (suspend.asBoolean() ? "True" : "False") : Row.UNSET)
                        .num(o.path("status").path("active").size())
                        .str(last.isTextual() ? row.since(last) : Row.NONE).age(o);
                JsonNode jobSpec = spec.path("jobTemplate").path("spec");
                containersAndSelector(row, jobSpec.path("template").path("spec"),
                        Formats.formatSelector(jobSpec.path("selector")));
            });

    static final Printer CONTROLLER_REVISION = new Printer(List.of(nameColumn(),
            string("Controller", "Controller of the object"), string("Revision",
            Docs.CONTROLLER_REVISION_REVISION), age()),
            (o, row) -> {
                String controller = Row.NONE;
                for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
                    if (ref.path("controller").asBoolean(false)) {
                        String apiVersion = ref.path("apiVersion").asText();
                        int slash = apiVersion.indexOf('/');
                        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
                        String kind = ref.path("kind").asText();
                        String groupKind = group.isEmpty() ? kind : kind + "." + group;
                        controller = groupKind.isEmpty() ? ref.path("name").asText()
                                : groupKind.toLowerCase(Locale.ROOT) + "/" + ref.path("name").asText();
                        break;
                    }
                }
                row.str(nameOf(o)).str(controller).num(o.path("revision").asLong()).age(o);
            });

    static final Printer POD_DISRUPTION_BUDGET = new Printer(List.of(nameColumn(),
            string("Min Available", "The minimum number of pods that must be available."),
            string("Max Unavailable", "The maximum number of pods that may be unavailable."),
            integer("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."), age()),
            (o, row) -> {
                JsonNode spec = o.path("spec");
                row.str(nameOf(o))
                        .str(spec.has("minAvailable") && !spec.path("minAvailable").isNull()
                                ? Formats.intOrString(spec.path("minAvailable")) : "N/A")
                        .str(spec.has("maxUnavailable") && !spec.path("maxUnavailable").isNull()
                                ? Formats.intOrString(spec.path("maxUnavailable")) : "N/A")
                        .num(o.path("status").path("disruptionsAllowed").asLong()).age(o);
            });

    static final Printer POD_TEMPLATE = new Printer(List.of(nameColumn(),
            string("Containers", CONTAINERS), string("Images", IMAGES),
            string("Pod Labels", "The labels for the pod template.")),
            (o, row) -> {
                String[] c = Formats.containers(o.path("template").path("spec").path("containers"));
                row.str(nameOf(o)).str(c[0]).str(c[1])
                        .str(Formats.labels(o.path("template").path("metadata").path("labels")));
            });
}
