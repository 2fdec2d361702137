package io.kubelab.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.scheduler.framework.Code;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.Diagnosis;
import io.kubelab.scheduler.framework.Framework;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Snapshot;
import io.kubelab.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code defaultpreemption}, the PostFilter: for a pod that fits nowhere, finds the node where deleting the
 * fewest and least important lower-priority pods makes it fit. This class only decides; the scheduler
 * deletes the victims and nominates the node. PodDisruptionBudgets are not weighed.
 */
final class DefaultPreemption {

    static final String NOT_ELIGIBLE_NEVER = "not eligible due to preemptionPolicy=Never.";
    static final String NOT_ELIGIBLE_TERMINATING = "not eligible due to a terminating pod on the nominated node.";
    static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    static final String NO_VICTIMS = "No preemption victims found for incoming pod";

    /** A node and the pods to delete there. */
    record Candidate(String node, List<ObjectNode> victims) {
    }

    /** The outcome: a candidate, or none and the PostFilter message ("preemption: ..."). */
    record Result(Optional<Candidate> candidate, String message) {
    }

    private final Framework framework;

    DefaultPreemption(Framework framework) {
        this.framework = framework;
    }

    static int priority(JsonNode pod) {
        return pod.path("spec").path("priority").asInt(0);
    }

    Result preempt(CycleState state, Diagnosis diagnosis) {
        ObjectNode pod = state.pod();
        Snapshot snapshot = state.snapshot();
        if (pod.path("spec").path("preemptionPolicy").asText("").equals("Never")) {
            return new Result(Optional.empty(), "preemption: " + NOT_ELIGIBLE_NEVER);
        }
        String nominated = pod.path("status").path("nominatedNodeName").asText("");
        if (!nominated.isEmpty() && diagnosis.get(nominated).code() != Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
            boolean terminating = snapshot.node(nominated).map(n -> n.pods().stream()
                    .anyMatch(p -> ObjectMeta.deleting(p) && priority(p) < priority(pod))).orElse(false);
            if (terminating) {
                return new Result(Optional.empty(), "preemption: " + NOT_ELIGIBLE_TERMINATING);
            }
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (NodeInfo node : snapshot.nodes()) {
            if (diagnosis.get(node.name()).code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
                statuses.put(node.name(), Status.unresolvable(NOT_HELPFUL));
                continue;
            }
            Selection selection = selectVictims(pod, snapshot, node);
            if (selection.status().isSuccess()) {
                candidates.add(selection.candidate());
            } else {
                statuses.put(node.name(), selection.status());
            }
        }
        if (candidates.isEmpty()) {
            Diagnosis none = new Diagnosis(statuses, Status.unresolvable(NOT_HELPFUL), "");
            return new Result(Optional.empty(), "preemption: " + FitError.message(snapshot.nodes().size(), none, ""));
        }
        return new Result(Optional.of(pickOne(candidates)), "");
    }

    /** A node's candidate, or why there is none. */
    private record Selection(Candidate candidate, Status status) {
        static Selection none(Status why) {
            return new Selection(null, why);
        }
    }

    /**
     * {@code SelectVictimsOnNode}: removes every lower-priority pod; if the pod then fits, gives back the
     * most important ones first as long as it still fits. What could not be given back are the victims.
     */
    private Selection selectVictims(ObjectNode pod, Snapshot snapshot, NodeInfo node) {
        List<ObjectNode> potential = node.pods().stream().filter(p -> priority(p) < priority(pod))
                .sorted(moreImportantFirst()).toList();
        if (potential.isEmpty()) {
            return Selection.none(Status.unresolvable(NO_VICTIMS));
        }
        NodeInfo without = node.without(potential);
        Status fits = framework.fits(new CycleState(pod, snapshot.with(without)), without);
        if (!fits.isSuccess()) {
            return Selection.none(fits);
        }
        List<ObjectNode> victims = new ArrayList<>();
        List<ObjectNode> removed = new ArrayList<>(potential);
        for (ObjectNode candidate : potential) {
            removed.remove(candidate);
            NodeInfo trial = node.without(removed);
            if (!framework.fits(new CycleState(pod, snapshot.with(trial)), trial).isSuccess()) {
                removed.add(candidate);
                victims.add(candidate);
            }
        }
        return new Selection(new Candidate(node.name(), victims), Status.SUCCESS);
    }

    /** {@code MoreImportantPod}: higher priority first, then the one that started earlier. */
    private static Comparator<ObjectNode> moreImportantFirst() {
        return Comparator.<ObjectNode>comparingInt(p -> -priority(p))
                .thenComparing(p -> p.path("status").path("startTime").asText(""));
    }

    /**
     * {@code pickOneNodeForPreemption}, PDBs aside: the lowest highest-victim priority, then the lowest sum
     * of priorities, then the fewest victims, then the first node.
     */
    private static Candidate pickOne(List<Candidate> candidates) {
        return candidates.stream().min(Comparator.<Candidate>comparingInt(c -> c.victims().stream()
                        .mapToInt(DefaultPreemption::priority).max().orElse(Integer.MIN_VALUE))
                .thenComparingLong(c -> c.victims().stream().mapToLong(p -> (long) priority(p) + Integer.MAX_VALUE + 1).sum())
                .thenComparingInt(c -> c.victims().size())).orElseThrow();
    }
}
