package io.kubelab.controller.volume;

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
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

/**
 * The pvc-protection and pv-protection controllers: a claim being deleted keeps its finalizer while a
 * pod still uses it; a volume being deleted keeps its finalizer while it is bound.
 */
public final class ProtectionController extends Controller {

    static final String CLAIM_FINALIZER = "kubernetes.io/pvc-protection";
    static final String VOLUME_FINALIZER = "kubernetes.io/pv-protection";
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    private final ApiServer api;
    private final Informer claims;
    private final Informer volumes;
    private final Informer pods;

    public ProtectionController(Informers informers, SimClock clock) {
        super("pvc-protection", clock);
        this.api = informers.api();
        this.claims = informers.of(PersistentVolumeController.CLAIMS);
        this.volumes = informers.of(PersistentVolumeController.VOLUMES);
        this.pods = informers.of(PODS);
        claims.onChange(key -> enqueue("claim:" + key));
        volumes.onChange(key -> enqueue("volume:" + key));
        pods.onChange(key -> {
            String namespace = key.substring(0, key.indexOf('/'));
            claims.list().stream().filter(c -> ObjectMeta.namespace(c).equals(namespace) && ObjectMeta.deleting(c))
                    .forEach(c -> enqueue("claim:" + Informer.key(c)));
        });
    }

    @Override
    protected void sync(String key) {
        if (key.startsWith("claim:")) {
            claims.get(key.substring("claim:".length())).filter(ObjectMeta::deleting).ifPresent(claim -> {
                if (!inUse(claim)) {
                    release(PersistentVolumeController.CLAIMS, claim, CLAIM_FINALIZER);
                }
            });
        } else {
            volumes.get(key.substring("volume:".length())).filter(ObjectMeta::deleting).ifPresent(volume -> {
                if (!volume.path("status").path("phase").asText().equals("Bound")) {
                    release(PersistentVolumeController.VOLUMES, volume, VOLUME_FINALIZER);
                }
            });
        }
    }

    private boolean inUse(ObjectNode claim) {
        String name = ObjectMeta.name(claim);
        return pods.list().stream().filter(p -> ObjectMeta.namespace(p).equals(ObjectMeta.namespace(claim)))
                .filter(p -> !p.path("status").path("phase").asText().equals("Succeeded")
                        && !p.path("status").path("phase").asText().equals("Failed"))
                .anyMatch(p -> {
                    for (JsonNode volume : p.path("spec").path("volumes")) {
                        if (volume.path("persistentVolumeClaim").path("claimName").asText().equals(name)) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    private void release(ResourceType type, ObjectNode object, String finalizer) {
        ObjectNode updated = object.deepCopy();
        JsonNode finalizers = updated.path("metadata").path("finalizers");
        if (!(finalizers instanceof ArrayNode list)) {
            return;
        }
        boolean removed = false;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).asText().equals(finalizer)) {
                list.remove(i);
                removed = true;
            }
        }
        if (removed) {
            api.handle(ApiRequest.of(PersistentVolumeController.USER, ApiRequest.Verb.UPDATE, type,
                    ObjectMeta.namespace(object), ObjectMeta.name(object)).withBody(updated));
        }
    }
}
