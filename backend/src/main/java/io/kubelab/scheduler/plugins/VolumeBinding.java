package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.NodeSelectors;
import io.kubelab.model.Quantity;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.Listers;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code volumebinding}, basic: every claim the pod uses must exist; a bound claim's volume must be
 * reachable from the node; an unbound claim is fine when its class waits for the first consumer and can
 * provision, or a matching Available volume can reach the node. Unbound {@code Immediate} claims make the
 * pod wait for the persistentvolume-binder.
 */
public final class VolumeBinding implements Plugin {

    public static final String NAME = "VolumeBinding";
    public static final String ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
    public static final String ERR_REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict";
    public static final String ERR_REASON_PV_NOT_EXIST = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
    public static final String UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";
    static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

    @Override
    public String name() {
        return NAME;
    }

    /** The pod's claims in volume order: {@code persistentVolumeClaim} and generic ephemeral volumes. */
    public static List<String> claimNames(JsonNode pod) {
        List<String> names = new ArrayList<>();
        for (JsonNode volume : pod.path("spec").path("volumes")) {
            if (volume.has("persistentVolumeClaim")) {
                names.add(volume.path("persistentVolumeClaim").path("claimName").asText());
            } else if (volume.has("ephemeral")) {
                names.add(ObjectMeta.name(pod) + "-" + volume.path("name").asText());
            }
        }
        return names;
    }

    @Override
    public Status preFilter(CycleState state) {
        ObjectNode pod = state.pod();
        List<String> names = claimNames(pod);
        if (names.isEmpty()) {
            return Status.SKIP;
        }
        Listers listers = state.snapshot().listers();
        boolean unboundImmediate = false;
        for (String name : names) {
            Optional<ObjectNode> claim = listers.claim(ObjectMeta.namespace(pod), name);
            if (claim.isEmpty()) {
                return Status.unresolvable(String.format("persistentvolumeclaim \"%s\" not found", name));
            }
            if (ObjectMeta.deleting(claim.get())) {
                return Status.unresolvable(String.format("persistentvolumeclaim \"%s\" is being deleted", name));
            }
            if (claim.get().path("status").path("phase").asText().equals("Lost")) {
                return Status.unresolvable(String.format("persistentvolumeclaim \"%s\" bound to non-existent persistentvolume \"%s\"",
                        name, claim.get().path("spec").path("volumeName").asText()));
            }
            if (!bound(claim.get()) && !waitsForConsumer(listers, claim.get())) {
                unboundImmediate = true;
            }
        }
        return unboundImmediate ? Status.unresolvable(UNBOUND_IMMEDIATE) : Status.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        Listers listers = state.snapshot().listers();
        String namespace = ObjectMeta.namespace(state.pod());
        for (String name : claimNames(state.pod())) {
            ObjectNode claim = listers.claim(namespace, name).orElseThrow();
            if (bound(claim)) {
                Optional<ObjectNode> volume = listers.volume(claim.path("spec").path("volumeName").asText());
                if (volume.isEmpty()) {
                    return Status.unresolvable(ERR_REASON_PV_NOT_EXIST);
                }
                if (!reachable(volume.get(), node)) {
                    return Status.unresolvable(ERR_REASON_NODE_CONFLICT);
                }
            } else if (!provisions(listers, claim) && findVolume(listers, claim, node).isEmpty()) {
                return Status.unschedulable(ERR_REASON_BIND_CONFLICT);
            }
        }
        return Status.SUCCESS;
    }

    static boolean bound(JsonNode claim) {
        return !claim.path("spec").path("volumeName").asText("").isEmpty();
    }

    private static Optional<ObjectNode> storageClass(Listers listers, JsonNode claim) {
        return listers.storageClass(claim.path("spec").path("storageClassName").asText(""));
    }

    static boolean waitsForConsumer(Listers listers, JsonNode claim) {
        return storageClass(listers, claim).map(c -> c.path("volumeBindingMode").asText().equals("WaitForFirstConsumer"))
                .orElse(false);
    }

    /** Whether the claim's class has a provisioner that makes a volume for it once a node is chosen. */
    static boolean provisions(Listers listers, JsonNode claim) {
        return storageClass(listers, claim).map(c -> !c.path("provisioner").asText(NO_PROVISIONER).equals(NO_PROVISIONER))
                .orElse(false);
    }

    private static boolean reachable(JsonNode volume, NodeInfo node) {
        JsonNode required = volume.path("spec").path("nodeAffinity").path("required");
        return required.isMissingNode() || required.isNull()
                || NodeSelectors.matchesAnyTerm(required.path("nodeSelectorTerms"), node.node());
    }

    /** An Available volume of the claim's class, big enough, with its access modes, reachable from the node. */
    private static Optional<ObjectNode> findVolume(Listers listers, JsonNode claim, NodeInfo node) {
        String className = claim.path("spec").path("storageClassName").asText("");
        String wanted = claim.path("spec").path("resources").path("requests").path("storage").asText("0");
        return listers.volumes().stream()
                .filter(v -> v.path("status").path("phase").asText().equals("Available"))
                .filter(v -> v.path("spec").path("storageClassName").asText("").equals(className))
                .filter(v -> Quantity.parse(v.path("spec").path("capacity").path("storage").asText("0"))
                        .compareTo(Quantity.parse(wanted)) >= 0)
                .filter(v -> containsAll(v.path("spec").path("accessModes"), claim.path("spec").path("accessModes")))
                .filter(v -> reachable(v, node))
                .findFirst();
    }

    private static boolean containsAll(JsonNode have, JsonNode want) {
        List<String> modes = new ArrayList<>();
        have.forEach(m -> modes.add(m.asText()));
        for (JsonNode mode : want) {
            if (!modes.contains(mode.asText())) {
                return false;
            }
        }
        return true;
    }

    /** PreBind: the unbound claims to annotate with the chosen node, so the provisioner or binder acts. */
    public static List<ObjectNode> claimsToBind(Listers listers, JsonNode pod) {
        List<ObjectNode> claims = new ArrayList<>();
        for (String name : claimNames(pod)) {
            listers.claim(ObjectMeta.namespace(pod), name).filter(c -> !bound(c)).ifPresent(claims::add);
        }
        return claims;
    }
}
