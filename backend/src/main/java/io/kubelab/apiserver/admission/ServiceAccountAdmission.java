package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.Names;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceTypes;

import java.util.Optional;

/**
 * Gives every new pod a service account ({@code default} unless named) that must exist, and mounts its
 * token, the cluster CA and the namespace as the projected {@code kube-api-access-xxxxx} volume. Mirror
 * pods of static manifests are left alone, as the kubelet's are in Kubernetes.
 */
public final class ServiceAccountAdmission implements AdmissionPlugin {

    static final String MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
    static final String MIRROR = "kubernetes.io/config.mirror";
    static final String VOLUME_PREFIX = "kube-api-access-";

    @Override
    public String name() {
        return "ServiceAccount";
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (r.operation() != AdmissionRequest.Operation.CREATE || !r.is("", "pods") || !r.subresource().isEmpty()
                || r.object().path("metadata").path("annotations").has(MIRROR)) {
            return;
        }
        ObjectNode spec = r.object().with("spec");
        String name = spec.path("serviceAccountName").asText("");
        if (name.isEmpty()) {
            name = spec.path("serviceAccount").asText("default");
            name = name.isEmpty() ? "default" : name;
        }
        spec.put("serviceAccountName", name);
        spec.put("serviceAccount", name);
        Optional<ObjectNode> account = r.objects().get(ResourceTypes.of("v1", "ServiceAccount"), r.namespace(), name);
        if (account.isEmpty()) {
            throw new StatusException(Status.forbidden(GroupResource.core("pods"), r.name(),
                    "error looking up service account " + r.namespace() + "/" + name + ": serviceaccount \""
                            + name + "\" not found"));
        }
        boolean automount = spec.has("automountServiceAccountToken")
                ? spec.path("automountServiceAccountToken").asBoolean(true)
                : account.get().path("automountServiceAccountToken").asBoolean(true);
        if (automount) {
            mountToken(spec, r.objects().random());
        }
    }

    /** An exported pod may already carry its token volume: that one is reused rather than doubled. */
    private static void mountToken(ObjectNode spec, java.util.random.RandomGenerator random) {
        String volume = null;
        for (JsonNode existing : spec.path("volumes")) {
            if (existing.path("name").asText().startsWith(VOLUME_PREFIX)) {
                volume = existing.path("name").asText();
                break;
            }
        }
        boolean hasVolume = volume != null;
        if (!hasVolume) {
            volume = VOLUME_PREFIX + Names.suffix(random, 5);
        }
        boolean mounted = false;
        for (String list : new String[]{"initContainers", "containers"}) {
            for (JsonNode container : spec.path(list)) {
                if (!(container instanceof ObjectNode)) {
                    continue; // validation reports it
                }
                boolean has = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    has |= mount.path("mountPath").asText().equals(MOUNT_PATH);
                }
                if (!has) {
                    ((ObjectNode) container).withArray("volumeMounts").addObject()
                            .put("mountPath", MOUNT_PATH).put("name", volume).put("readOnly", true);
                    mounted = true;
                }
            }
        }
        if (!mounted || hasVolume) {
            return;
        }
        ObjectNode projected = spec.withArray("volumes").addObject().put("name", volume).putObject("projected");
        projected.put("defaultMode", 420);
        ArrayNode sources = projected.putArray("sources");
        sources.addObject().putObject("serviceAccountToken").put("expirationSeconds", 3607).put("path", "token");
        ObjectNode configMap = sources.addObject().putObject("configMap");
        configMap.putArray("items").addObject().put("key", "ca.crt").put("path", "ca.crt");
        configMap.put("name", "kube-root-ca.crt");
        ObjectNode item = sources.addObject().putObject("downwardAPI").putArray("items").addObject();
        item.putObject("fieldRef").put("apiVersion", "v1").put("fieldPath", "metadata.namespace");
        item.put("path", "namespace");
    }
}
