package io.kubelab.controller.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.EventSource;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;
import io.kubelab.store.SelectionPredicate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * kube-controller-manager's persistentvolume-binder, with the sandbox's dynamic provisioner folded in:
 * binds each claim to a matching Available volume, or, for a class whose provisioner is
 * {@value #PROVISIONER}, creates a volume for it the way local-path-provisioner does (at once for
 * {@code Immediate} classes, once the scheduler has picked a node for {@code WaitForFirstConsumer}), then
 * binds the pair. A released volume is deleted or kept as its reclaim policy says.
 */
public final class PersistentVolumeController extends Controller {

    public static final String PROVISIONER = "rancher.io/local-path";
    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    static final UserInfo USER = Informers.CONTROLLER_MANAGER;
    static final ResourceType CLAIMS = ResourceTypes.of("v1", "PersistentVolumeClaim");
    static final ResourceType VOLUMES = ResourceTypes.of("v1", "PersistentVolume");
    static final ResourceType CLASSES = ResourceTypes.of("storage.k8s.io/v1", "StorageClass");
    static final ResourceType NODES = ResourceTypes.of("v1", "Node");

    private final ApiServer api;
    private final Informer claims;
    private final Informer volumes;
    private final Informer classes;
    private final Informer nodes;
    private final EventRecorder events;
    private final EventRecorder provisionerEvents;

    public PersistentVolumeController(Informers informers, SimClock clock) {
        super("persistentvolume-binder", clock);
        this.api = informers.api();
        this.claims = informers.of(CLAIMS);
        this.volumes = informers.of(VOLUMES);
        this.classes = informers.of(CLASSES);
        this.nodes = informers.of(NODES);
        this.events = informers.recorder("persistentvolume-controller");
        this.provisionerEvents = informers.recorder(EventSource.of(PROVISIONER + "_local-path-provisioner"));
        claims.onChange(key -> {
            enqueue("claim:" + key);
            // A claim's deletion is news for the volume bound to it.
            volumes.list().stream().filter(v -> claimKey(v).equals(key)).forEach(v -> enqueue("volume:" + ObjectMeta.name(v)));
        });
        volumes.onChange(key -> enqueue("volume:" + key));
    }

    @Override
    protected void sync(String key) {
        if (key.startsWith("claim:")) {
            claims.get(key.substring("claim:".length())).ifPresent(this::syncClaim);
        } else {
            volumes.get(key.substring("volume:".length())).ifPresent(this::syncVolume);
        }
    }

    private void syncClaim(ObjectNode claim) {
        if (ObjectMeta.deleting(claim)) {
            return;
        }
        String volumeName = claim.path("spec").path("volumeName").asText("");
        if (!volumeName.isEmpty()) {
            // A claim that names its volume waits for that one, and only if it is not someone else's.
            volumes.get(volumeName).ifPresent(volume -> bindRequested(volume, claim));
            return;
        }
        String className = claim.path("spec").path("storageClassName").asText("");
        Optional<ObjectNode> storageClass = classes.get(className);
        String node = claim.path("metadata").path("annotations").path(SELECTED_NODE).asText("");
        boolean waits = storageClass.isPresent()
                && storageClass.get().path("volumeBindingMode").asText("Immediate").equals("WaitForFirstConsumer");
        Optional<ObjectNode> preBound = volumes.list().stream()
                .filter(v -> v.path("spec").has("claimRef") && reservedFor(v, claim) && !ObjectMeta.deleting(v)).findFirst();
        if (preBound.isPresent()) {
            bind(preBound.get(), claim);
            return;
        }
        if (waits && node.isEmpty()) {
            events.event(claim, EventRecorder.NORMAL, "WaitForFirstConsumer",
                    "waiting for first consumer to be created before binding");
            return;
        }
        Optional<ObjectNode> match = bestMatch(claim, className, node);
        if (match.isPresent()) {
            bind(match.get(), claim);
            return;
        }
        if (storageClass.isEmpty()) {
            if (className.isEmpty()) {
                events.event(claim, EventRecorder.WARNING, "FailedBinding",
                        "no persistent volumes available for this claim and no storage class is set");
            } else {
                events.event(claim, EventRecorder.WARNING, "ProvisioningFailed",
                        "storageclass.storage.k8s.io \"" + className + "\" not found");
            }
            return;
        }
        String provisioner = storageClass.get().path("provisioner").asText();
        if (!provisioner.equals(PROVISIONER)) {
            return;
        }
        JsonNode selector = claim.path("spec").path("selector");
        if (!selector.isMissingNode() && !selector.isNull()) {
            provisionerEvents.event(claim, EventRecorder.WARNING, "ProvisioningFailed", "failed to provision volume "
                    + "with StorageClass \"" + className + "\": claim.Spec.Selector is not supported");
            return;
        }
        events.event(claim, EventRecorder.NORMAL, "ExternalProvisioning", "Waiting for a volume to be created either by "
                + "the external provisioner '" + PROVISIONER + "' or manually by the system administrator. If volume "
                + "creation is delayed, please verify that the provisioner is running and correctly registered.");
        ObjectNode volume = provision(claim, storageClass.get(), node.isEmpty() ? firstWorker() : node);
        bind(volume, claim);
    }

    /** A claim that names its volume: bound if the volume is free and satisfies it, else explained. */
    private void bindRequested(ObjectNode volume, ObjectNode claim) {
        String name = ObjectMeta.name(volume);
        if (!reservedFor(volume, claim)) {
            events.event(claim, EventRecorder.WARNING, "FailedBinding",
                    "volume \"" + name + "\" already bound to a different claim.");
            return;
        }
        if (!volume.path("spec").has("claimRef")) {
            Optional<String> mismatch = mismatch(volume, claim);
            if (mismatch.isPresent()) {
                events.event(claim, EventRecorder.WARNING, "VolumeMismatch",
                        "Cannot bind to requested volume \"" + name + "\": " + mismatch.get());
                return;
            }
        }
        bind(volume, claim);
    }

    /** checkVolumeSatisfyClaim's reasons. */
    private static Optional<String> mismatch(ObjectNode volume, ObjectNode claim) {
        String wanted = claim.path("spec").path("resources").path("requests").path("storage").asText("0");
        if (capacity(volume).compareTo(Quantity.parse(wanted)) < 0) {
            return Optional.of("requested PV is too small");
        }
        if (!volume.path("spec").path("storageClassName").asText("")
                .equals(claim.path("spec").path("storageClassName").asText(""))) {
            return Optional.of("storageClassName does not match");
        }
        if (!volume.path("spec").path("volumeMode").asText("Filesystem")
                .equals(claim.path("spec").path("volumeMode").asText("Filesystem"))) {
            return Optional.of("incompatible volumeMode");
        }
        if (!strings(volume.path("spec").path("accessModes")).containsAll(strings(claim.path("spec").path("accessModes")))) {
            return Optional.of("incompatible accessMode");
        }
        return Optional.empty();
    }

    /**
     * findBestMatchForClaim: among free volumes (or one already reserved for this claim) of the claim's class
     * and volume mode, with its access modes, matching its selector, large enough and usable on the chosen
     * node, the smallest.
     */
    private Optional<ObjectNode> bestMatch(ObjectNode claim, String className, String node) {
        return volumes.list().stream()
                .filter(v -> fits(v, claim, className))
                .filter(v -> node.isEmpty() || reachableFrom(v, node))
                .min(Comparator.<ObjectNode, Quantity>comparing(v -> capacity(v)).thenComparing(ObjectMeta::name));
    }

    private static Quantity capacity(ObjectNode volume) {
        return Quantity.parse(volume.path("spec").path("capacity").path("storage").asText("0"));
    }

    private static boolean reservedFor(ObjectNode volume, ObjectNode claim) {
        JsonNode claimRef = volume.path("spec").path("claimRef");
        if (claimRef.isMissingNode()) {
            return true;
        }
        String uid = claimRef.path("uid").asText("");
        return claimRef.path("name").asText().equals(ObjectMeta.name(claim))
                && claimRef.path("namespace").asText().equals(ObjectMeta.namespace(claim))
                && (uid.isEmpty() || uid.equals(ObjectMeta.uid(claim)));
    }

    /** A volume pinned to nodes by {@code kubernetes.io/hostname} can only serve a pod on one of them. */
    private static boolean reachableFrom(ObjectNode volume, String node) {
        JsonNode terms = volume.path("spec").path("nodeAffinity").path("required").path("nodeSelectorTerms");
        if (terms.isEmpty()) {
            return true;
        }
        for (JsonNode term : terms) {
            boolean all = true;
            for (JsonNode expression : term.path("matchExpressions")) {
                if (expression.path("key").asText().equals("kubernetes.io/hostname")) {
                    boolean in = false;
                    for (JsonNode value : expression.path("values")) {
                        in |= value.asText().equals(node);
                    }
                    all &= expression.path("operator").asText().equals("In") == in;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private String firstWorker() {
        return nodes.list().stream()
                .filter(n -> !n.path("metadata").path("labels").has("node-role.kubernetes.io/control-plane"))
                .map(ObjectMeta::name).findFirst()
                .orElseGet(() -> nodes.list().stream().map(ObjectMeta::name).findFirst().orElse(""));
    }

    /** A volume can serve a claim if it is free or reserved for it, and agrees on class, mode, size and selector. */
    private static boolean fits(ObjectNode volume, ObjectNode claim, String className) {
        if (!reservedFor(volume, claim) || ObjectMeta.deleting(volume)) {
            return false;
        }
        String phase = volume.path("status").path("phase").asText("");
        if (!volume.path("spec").has("claimRef") && !phase.equals("Available")) {
            return false;
        }
        if (!volume.path("spec").path("storageClassName").asText("").equals(className)) {
            return false;
        }
        if (!volume.path("spec").path("volumeMode").asText("Filesystem")
                .equals(claim.path("spec").path("volumeMode").asText("Filesystem"))) {
            return false;
        }
        String wanted = claim.path("spec").path("resources").path("requests").path("storage").asText("0");
        if (capacity(volume).compareTo(Quantity.parse(wanted)) < 0) {
            return false;
        }
        JsonNode selector = claim.path("spec").path("selector");
        if (!selector.isMissingNode() && !selector.isNull()
                && !LabelSelector.fromJson(selector).matches(SelectionPredicate.labelsOf(volume))) {
            return false;
        }
        List<String> offered = strings(volume.path("spec").path("accessModes"));
        return offered.containsAll(strings(claim.path("spec").path("accessModes")));
    }

    private ObjectNode provision(ObjectNode claim, ObjectNode storageClass, String node) {
        String name = "pvc-" + ObjectMeta.uid(claim);
        Optional<ObjectNode> existing = volumes.get(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode volume = JsonNodeFactory.instance.objectNode();
        volume.put("apiVersion", "v1").put("kind", "PersistentVolume");
        ObjectNode metadata = volume.putObject("metadata");
        metadata.put("name", name);
        metadata.putObject("annotations").put("local.path.provisioner/selected-node", node)
                .put("pv.kubernetes.io/provisioned-by", PROVISIONER);
        metadata.putArray("finalizers").add("kubernetes.io/pv-protection");
        ObjectNode spec = volume.putObject("spec");
        spec.set("accessModes", claim.path("spec").path("accessModes").deepCopy());
        spec.putObject("capacity").put("storage",
                claim.path("spec").path("resources").path("requests").path("storage").asText("1Gi"));
        spec.putObject("claimRef").put("apiVersion", "v1").put("kind", "PersistentVolumeClaim")
                .put("name", ObjectMeta.name(claim)).put("namespace", ObjectMeta.namespace(claim))
                .put("resourceVersion", ObjectMeta.resourceVersion(claim)).put("uid", ObjectMeta.uid(claim));
        spec.putObject("hostPath").put("path", "/opt/local-path-provisioner/" + name + "_"
                + ObjectMeta.namespace(claim) + "_" + ObjectMeta.name(claim)).put("type", "DirectoryOrCreate");
        spec.putObject("nodeAffinity").putObject("required").putArray("nodeSelectorTerms").addObject()
                .putArray("matchExpressions").addObject().put("key", "kubernetes.io/hostname").put("operator", "In")
                .putArray("values").add(node);
        spec.put("persistentVolumeReclaimPolicy", storageClass.path("reclaimPolicy").asText("Delete"));
        spec.put("storageClassName", ObjectMeta.name(storageClass));
        spec.put("volumeMode", claim.path("spec").path("volumeMode").asText("Filesystem"));
        try {
            ObjectNode created = api.handle(ApiRequest.of(USER, ApiRequest.Verb.CREATE, VOLUMES, "", "").withBody(volume))
                    .body();
            provisionerEvents.event(claim, EventRecorder.NORMAL, "ProvisioningSucceeded",
                    "Successfully provisioned volume " + name);
            return created;
        } catch (StatusException e) {
            if (e.status().code() == 409) {
                return api.handle(ApiRequest.of(USER, ApiRequest.Verb.GET, VOLUMES, "", name)).body();
            }
            throw e;
        }
    }

    private void bind(ObjectNode volume, ObjectNode claim) {
        String volumeName = ObjectMeta.name(volume);
        if (!volume.path("spec").has("claimRef")) {
            ObjectNode reserved = volume.deepCopy();
            reserved.with("spec").putObject("claimRef").put("apiVersion", "v1").put("kind", "PersistentVolumeClaim")
                    .put("name", ObjectMeta.name(claim)).put("namespace", ObjectMeta.namespace(claim))
                    .put("resourceVersion", ObjectMeta.resourceVersion(claim)).put("uid", ObjectMeta.uid(claim));
            reserved.with("metadata").with("annotations").put("pv.kubernetes.io/bound-by-controller", "yes");
            volume = write(ApiRequest.Verb.UPDATE, VOLUMES, "", volumeName, "", reserved);
        }
        if (!volume.path("status").path("phase").asText().equals("Bound")) {
            ObjectNode bound = volume.deepCopy();
            bound.with("status").put("phase", "Bound");
            write(ApiRequest.Verb.UPDATE, VOLUMES, "", volumeName, "status", bound);
        }
        String namespace = ObjectMeta.namespace(claim);
        String claimName = ObjectMeta.name(claim);
        if (!claim.path("spec").path("volumeName").asText("").equals(volumeName)) {
            ObjectNode named = claim.deepCopy();
            named.with("spec").put("volumeName", volumeName);
            named.with("metadata").with("annotations").put("pv.kubernetes.io/bind-completed", "yes")
                    .put("pv.kubernetes.io/bound-by-controller", "yes");
            claim = write(ApiRequest.Verb.UPDATE, CLAIMS, namespace, claimName, "", named);
        }
        if (!claim.path("status").path("phase").asText().equals("Bound")) {
            ObjectNode bound = claim.deepCopy();
            ObjectNode status = bound.putObject("status");
            status.set("accessModes", volume.path("spec").path("accessModes").deepCopy());
            status.set("capacity", volume.path("spec").path("capacity").deepCopy());
            status.put("phase", "Bound");
            write(ApiRequest.Verb.UPDATE, CLAIMS, namespace, claimName, "status", bound);
        }
    }

    private void syncVolume(ObjectNode volume) {
        JsonNode claimRef = volume.path("spec").path("claimRef");
        String phase = volume.path("status").path("phase").asText("");
        if (claimRef.isMissingNode()) {
            if (!phase.equals("Available")) {
                setPhase(volume, "Available");
            }
            return;
        }
        String key = claimRef.path("namespace").asText() + "/" + claimRef.path("name").asText();
        Optional<ObjectNode> claim = claims.get(key);
        boolean gone = claim.isEmpty() || !ObjectMeta.uid(claim.get()).equals(claimRef.path("uid").asText(""));
        if (!gone) {
            enqueue("claim:" + key);
            return;
        }
        if (!claimRef.path("uid").asText("").isEmpty() && !phase.equals("Released") && !phase.equals("Failed")) {
            volume = setPhase(volume, "Released");
        }
        if (phase.equals("Released") || volume.path("status").path("phase").asText().equals("Released")) {
            if (volume.path("spec").path("persistentVolumeReclaimPolicy").asText("Retain").equals("Delete")
                    && !ObjectMeta.deleting(volume)) {
                api.handle(ApiRequest.of(USER, ApiRequest.Verb.DELETE, VOLUMES, "", ObjectMeta.name(volume)));
            }
        }
    }

    private static String claimKey(ObjectNode volume) {
        JsonNode ref = volume.path("spec").path("claimRef");
        return ref.isMissingNode() ? "" : ref.path("namespace").asText() + "/" + ref.path("name").asText();
    }

    private ObjectNode setPhase(ObjectNode volume, String phase) {
        ObjectNode updated = volume.deepCopy();
        updated.with("status").put("phase", phase);
        return write(ApiRequest.Verb.UPDATE, VOLUMES, "", ObjectMeta.name(volume), "status", updated);
    }

    private ObjectNode write(ApiRequest.Verb verb, ResourceType type, String namespace, String name, String subresource,
                             ObjectNode body) {
        return api.handle(ApiRequest.of(USER, verb, type, namespace, name).withSubresource(subresource).withBody(body))
                .body();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
