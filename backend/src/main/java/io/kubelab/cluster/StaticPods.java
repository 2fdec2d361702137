package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.image.ImageCatalogue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The control-plane kubelet's file source: the static pods in {@code /etc/kubernetes/manifests}. A
 * manifest that appears, changes or goes (or stops parsing) replaces or removes its mirror pod, and the
 * component the pod runs (etcd, kube-apiserver, kube-controller-manager, kube-scheduler) comes up or goes
 * down with it: up when its manifest is there and its image pulls, down otherwise, as on a kubeadm node.
 *
 * <p>What was applied last is remembered from the files themselves, so a fresh or woken cluster (whose
 * mirror pods match its files) starts in step. A stopped kubelet reads nothing; it catches up on start.
 */
final class StaticPods {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    /** How soon the kubelet tries again to post a mirror pod while the API server does not answer. */
    static final Duration MIRROR_RETRY = Duration.ofSeconds(10);
    /** The binary in a manifest's command, and the simulated component it is. */
    static final Map<String, String> COMPONENTS = Map.of("etcd", "etcd", "kube-apiserver", "apiserver",
            "kube-controller-manager", "controller-manager", "kube-scheduler", "scheduler");

    private final SimCluster cluster;
    private final ClusterSpec.NodeSpec node;
    private final NodeFiles files;
    private final UserInfo user;
    private final Map<String, String> applied = new TreeMap<>();
    private boolean retrying;

    StaticPods(SimCluster cluster, ClusterSpec.NodeSpec node, NodeFiles files) {
        this.cluster = cluster;
        this.node = node;
        this.files = files;
        this.user = UserInfo.component("system:node:" + node.name());
        applied.putAll(manifests());
    }

    /** A file changed on the node: the kubelet's inotify watch on the manifest directory. */
    void changed(String path) {
        if (KubeadmFiles.isManifest(path)) {
            sync();
        }
    }

    /** Brings mirror pods and components in line with the manifest files. */
    void sync() {
        if (cluster.isStopped("kubelet/" + node.name()) || cluster.isStopped("node/" + node.name())) {
            return;
        }
        Map<String, String> now = manifests();
        TreeSet<String> paths = new TreeSet<>(applied.keySet());
        paths.addAll(now.keySet());
        boolean failed = false;
        for (String path : paths) {
            String before = applied.get(path);
            String after = now.get(path);
            if (before != null && before.equals(after)) {
                continue;
            }
            if (apply(before == null ? null : decode(before), after == null ? null : decode(after))) {
                if (after == null) {
                    applied.remove(path);
                } else {
                    applied.put(path, after);
                }
            } else {
                failed = true;
            }
        }
        if (failed && !retrying) {
            retrying = true;
            cluster.clock().scheduleBackground(MIRROR_RETRY, () -> {
                retrying = false;
                sync();
            });
        }
    }

    private Map<String, String> manifests() {
        Map<String, String> out = new TreeMap<>();
        for (String name : files.children(KubeadmFiles.MANIFESTS)) {
            String path = KubeadmFiles.MANIFESTS + "/" + name;
            if (KubeadmFiles.isManifest(path)) {
                files.read(path).ifPresent(text -> out.put(path, text));
            }
        }
        return out;
    }

    private static ObjectNode decode(String text) {
        try {
            ObjectNode pod = ManifestYaml.parse(text);
            return pod.path("kind").asText().equals("Pod") && pod.path("spec").path("containers").isArray()
                    ? pod : null;
        } catch (ManifestYaml.Invalid e) {
            return null;
        }
    }

    /** Replaces one static pod; false if the API server did not answer (the kubelet tries again). */
    private boolean apply(ObjectNode before, ObjectNode after) {
        String oldComponent = component(before);
        String newComponent = component(after);
        boolean up = after != null && pulls(after);
        if (newComponent != null && up && cluster.isStopped(newComponent)) {
            cluster.start(newComponent);
        }
        try {
            if (before != null) {
                deleteMirror(before);
            }
            if (after != null) {
                createMirror(after);
            }
        } catch (StatusException e) {
            return false;
        } finally {
            if (oldComponent != null && !oldComponent.equals(newComponent) && !cluster.isStopped(oldComponent)) {
                cluster.stop(oldComponent);
            }
            if (newComponent != null && !up && !cluster.isStopped(newComponent)) {
                cluster.stop(newComponent);
            }
        }
        return true;
    }

    private boolean pulls(ObjectNode pod) {
        String image = KubeadmFiles.firstContainer(pod).path("image").asText("");
        Optional<ContainerRuntime> runtime = cluster.runtime(node.name());
        return runtime.isPresent() && (runtime.get().image(image).isPresent()
                || runtime.get().resolve(image) instanceof ImageCatalogue.Pulled);
    }

    static String component(ObjectNode pod) {
        if (pod == null) {
            return null;
        }
        String binary = KubeadmFiles.firstContainer(pod).path("command").path(0).asText("");
        return COMPONENTS.get(binary.substring(binary.lastIndexOf('/') + 1));
    }

    private void deleteMirror(ObjectNode manifest) {
        try {
            cluster.api().handle(ApiRequest.of(user, ApiRequest.Verb.DELETE, PODS, namespace(manifest),
                    mirrorName(manifest)).withOptions(RequestOptions.DEFAULT.withGracePeriod(0)));
            narrate("delete-mirror", manifest, "The manifest of static pod " + mirrorName(manifest)
                    + " left /etc/kubernetes/manifests: the kubelet stopped it and deleted its mirror pod.");
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                throw e;
            }
        }
    }

    private void createMirror(ObjectNode manifest) {
        cluster.api().handle(ApiRequest.of(user, ApiRequest.Verb.CREATE, PODS, namespace(manifest), "")
                .withBody(mirrorOf(manifest)));
        narrate("create-mirror", manifest, "The kubelet read static pod " + mirrorName(manifest)
                + " from /etc/kubernetes/manifests, runs it and posted its mirror pod to the API server.");
    }

    /** The mirror pod of a manifest, as the kubelet posts it. */
    ObjectNode mirrorOf(ObjectNode manifest) {
        ObjectNode pod = manifest.deepCopy();
        pod.remove("status");
        ObjectNode meta = pod.with("metadata");
        meta.remove("creationTimestamp");
        meta.put("name", mirrorName(manifest));
        meta.put("namespace", namespace(manifest));
        String hash = Hashes.hex(ManifestYaml.write(manifest), 32);
        meta.with("annotations").put("kubernetes.io/config.hash", hash).put("kubernetes.io/config.mirror", hash)
                .put("kubernetes.io/config.seen", ObjectMeta.time(cluster.clock().now()))
                .put("kubernetes.io/config.source", "file");
        String nodeUid = cluster.api().peek(ResourceTypes.of("v1", "Node"), "", node.name())
                .map(ObjectMeta::uid).orElse("");
        ArrayNode owners = meta.putArray("ownerReferences");
        owners.addObject().put("apiVersion", "v1").put("controller", true).put("kind", "Node")
                .put("name", node.name()).put("uid", nodeUid);
        ObjectNode spec = pod.with("spec");
        spec.put("nodeName", node.name());
        ArrayNode tolerations = spec.withArray("tolerations");
        tolerations.addObject().put("effect", "NoExecute").put("operator", "Exists");
        return pod;
    }

    private String mirrorName(ObjectNode manifest) {
        return manifest.path("metadata").path("name").asText() + "-" + node.name();
    }

    private static String namespace(ObjectNode manifest) {
        return manifest.path("metadata").path("namespace").asText("default");
    }

    private void narrate(String action, ObjectNode manifest, String message) {
        cluster.events().emit("kubelet", node.name(), action, "Pod/" + namespace(manifest) + "/" + mirrorName(manifest),
                "kubelet", "kube-apiserver", message);
    }
}
