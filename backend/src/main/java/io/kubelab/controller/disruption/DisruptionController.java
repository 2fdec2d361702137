package io.kubelab.controller.disruption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.PodConditions;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;
import io.kubelab.store.SelectionPredicate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-controller-manager's disruption controller ({@code pkg/controller/disruption}): keeps each
 * PodDisruptionBudget's status (healthy pods now and needed, expected pods, disruptions allowed, the
 * {@code DisruptionAllowed} condition) so that the eviction subresource can decide. Pods an eviction has
 * just been granted stay in {@code disruptedPods} until they are seen deleting, for at most
 * {@link #DELETION_TIMEOUT}.
 */
public final class DisruptionController extends Controller {

    public static final String COMPONENT = "kube-controller-manager/disruption";
    /** The disruption controller's recorder calls itself {@code controllermanager}. */
    static final String SOURCE = "controllermanager";
    static final Duration DELETION_TIMEOUT = Duration.ofMinutes(2);
    static final String CONDITION = "DisruptionAllowed";
    static final String SUFFICIENT = "SufficientPods";
    static final String INSUFFICIENT = "InsufficientPods";
    static final String SYNC_FAILED = "SyncFailed";
    static final ResourceType PDBS = ResourceTypes.of("policy/v1", "PodDisruptionBudget");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    private final ApiServer api;
    private final SimClock clock;
    private final Informer pdbs;
    private final Informer pods;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final ExpectedPods expected;

    public DisruptionController(Informers informers, SimClock clock) {
        super("disruption", clock);
        this.api = informers.api();
        this.clock = clock;
        this.events = informers.events();
        this.recorder = informers.recorder(SOURCE);
        this.pdbs = informers.of(PDBS);
        this.pods = informers.of(PODS);
        this.expected = new ExpectedPods(api, informers);
        pdbs.onChange(this::enqueue);
        pods.onObject((old, now) -> {
            for (ObjectNode pod : new ObjectNode[]{old, now}) {
                if (pod != null) {
                    budgetsOf(pod).forEach(b -> enqueue(Informer.key(b)));
                }
            }
        });
        // A workload's scale is the denominator of percentages and maxUnavailable.
        List<ResourceType> workloads = new java.util.ArrayList<>(List.of(ExpectedPods.RSS, ExpectedPods.DEPLOYMENTS,
                ExpectedPods.STATEFULSETS));
        ExpectedPods.RCS.ifPresent(workloads::add);
        for (ResourceType type : workloads) {
            informers.of(type).onObject((old, now) -> {
                String namespace = ObjectMeta.namespace(now != null ? now : old);
                pdbs.list().stream().filter(b -> ObjectMeta.namespace(b).equals(namespace)).forEach(b -> enqueue(Informer.key(b)));
            });
        }
    }

    private List<ObjectNode> budgetsOf(ObjectNode pod) {
        return pdbs.list().stream().filter(b -> ObjectMeta.namespace(b).equals(ObjectMeta.namespace(pod)) && selects(b, pod)).toList();
    }

    static boolean selects(ObjectNode pdb, ObjectNode pod) {
        JsonNode selector = pdb.path("spec").path("selector");
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        return LabelSelector.fromJson(selector).matches(SelectionPredicate.labelsOf(pod));
    }

    @Override
    protected void sync(String key) {
        ObjectNode pdb = pdbs.get(key).orElse(null);
        if (pdb == null) {
            return;
        }
        List<ObjectNode> selected = pods.list().stream()
                .filter(p -> ObjectMeta.namespace(p).equals(ObjectMeta.namespace(pdb)) && selects(pdb, p)).toList();
        if (selected.isEmpty()) {
            recorder.event(pdb, EventRecorder.NORMAL, "NoPods", "No matching pods found");
        }
        ExpectedPods.Counts counts;
        try {
            counts = expected.count(pdb, selected);
        } catch (ExpectedPods.Failure e) {
            recorder.eventf(pdb, EventRecorder.WARNING, "CalculateExpectedPodCountFailed",
                    "Failed to calculate the number of expected pods: %s", e.getMessage());
            failSafe(pdb, e.getMessage());
            return;
        }
        if (!counts.unmanaged().isEmpty()) {
            recorder.eventf(pdb, EventRecorder.WARNING, "UnmanagedPods", "Pods selected by this PodDisruptionBudget "
                    + "(selector: %s) were found to be unmanaged. As a result, the status of the PDB cannot be calculated "
                    + "correctly, which may result in undefined behavior. To account for these pods please set "
                    + "\".spec.minAvailable\" field of the PDB to an integer value.", GoSelector.format(pdb.path("spec").path("selector")));
        }
        Instant now = clock.now();
        Map<String, String> disrupted = new TreeMap<>();
        Instant recheck = null;
        JsonNode recorded = pdb.path("status").path("disruptedPods");
        for (ObjectNode pod : selected) {
            String name = ObjectMeta.name(pod);
            if (ObjectMeta.deleting(pod) || !recorded.has(name)) {
                continue;
            }
            Instant expectedDeletion = Instant.parse(recorded.path(name).asText()).plus(DELETION_TIMEOUT);
            if (expectedDeletion.isBefore(now)) {
                recorder.eventf(pod, EventRecorder.WARNING, "NotDeleted", "Pod was expected by PDB %s/%s to be deleted but it wasn't",
                        ObjectMeta.namespace(pdb), ObjectMeta.namespace(pdb));
            } else {
                disrupted.put(name, recorded.path(name).asText());
                recheck = recheck == null || expectedDeletion.isBefore(recheck) ? expectedDeletion : recheck;
            }
        }
        int healthy = 0;
        for (ObjectNode pod : selected) {
            if (!ObjectMeta.deleting(pod) && !disrupted.containsKey(ObjectMeta.name(pod)) && PodConditions.ready(pod)) {
                healthy++;
            }
        }
        updateStatus(pdb, healthy, counts.desiredHealthy(), counts.expected(), disrupted);
        if (recheck != null) {
            enqueueAfter(key, Duration.between(now, recheck));
        }
    }

    private void updateStatus(ObjectNode pdb, int healthy, int desired, int expectedCount, Map<String, String> disrupted) {
        int allowed = expectedCount <= 0 || healthy - desired <= 0 ? 0 : healthy - desired;
        long generation = pdb.path("metadata").path("generation").asLong(0);
        ObjectNode updated = pdb.deepCopy();
        ObjectNode status = updated.putObject("status");
        status.put("observedGeneration", generation);
        if (!disrupted.isEmpty()) {
            ObjectNode map = status.putObject("disruptedPods");
            disrupted.forEach(map::put);
        }
        status.put("disruptionsAllowed", allowed).put("currentHealthy", healthy).put("desiredHealthy", desired)
                .put("expectedPods", expectedCount);
        status.set("conditions", pdb.path("status").path("conditions").isArray()
                ? pdb.path("status").path("conditions").deepCopy() : status.arrayNode());
        setCondition((ArrayNode) status.path("conditions"), allowed > 0 ? "True" : "False",
                allowed > 0 ? SUFFICIENT : INSUFFICIENT, "", generation);
        if (status.equals(pdb.path("status"))) {
            return;
        }
        write(updated);
        events.emit(COMPONENT, null, "update-status", "PodDisruptionBudget/" + Informer.key(pdb), "kube-controller-manager",
                "kube-apiserver", "Budget " + ObjectMeta.name(pdb) + ": " + healthy + " healthy pods, " + desired
                        + " needed, so " + allowed + (allowed == 1 ? " disruption is" : " disruptions are") + " allowed.");
    }

    /** {@code failSafe}: no disruption allowed, and the condition says why. */
    private void failSafe(ObjectNode pdb, String message) {
        ObjectNode updated = pdb.deepCopy();
        ObjectNode status = updated.with("status");
        status.put("disruptionsAllowed", 0);
        if (!status.path("conditions").isArray()) {
            status.putArray("conditions");
        }
        setCondition((ArrayNode) status.path("conditions"), "False", SYNC_FAILED, message,
                status.path("observedGeneration").asLong(0));
        if (!updated.path("status").equals(pdb.path("status"))) {
            write(updated);
        }
    }

    /** {@code meta.SetStatusCondition}: the transition time moves only when the status does. */
    private void setCondition(ArrayNode conditions, String status, String reason, String message, long generation) {
        String now = ObjectMeta.time(clock.now());
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(CONDITION)) {
                ObjectNode condition = (ObjectNode) c;
                String since = condition.path("status").asText().equals(status)
                        ? condition.path("lastTransitionTime").asText(now) : now;
                condition.removeAll();
                condition.put("type", CONDITION).put("status", status).put("observedGeneration", generation)
                        .put("lastTransitionTime", since).put("reason", reason).put("message", message);
                return;
            }
        }
        conditions.addObject().put("type", CONDITION).put("status", status).put("observedGeneration", generation)
                .put("lastTransitionTime", now).put("reason", reason).put("message", message);
    }

    private void write(ObjectNode pdb) {
        api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, PDBS, ObjectMeta.namespace(pdb),
                ObjectMeta.name(pdb)).withSubresource("status").withBody(pdb));
    }
}
