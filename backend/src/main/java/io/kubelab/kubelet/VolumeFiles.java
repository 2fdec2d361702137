package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.runtime.image.ContainerStart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files a container sees through its volume mounts: ConfigMap and Secret keys as files (or the
 * {@code items} paths), projected sources, downward API fields; emptyDir and the rest mount empty. Built
 * when the container starts, as the kubelet's volume manager would have mounted them.
 */
final class VolumeFiles implements ContainerStart.Files {

    private final TreeMap<String, String> files;

    private VolumeFiles(TreeMap<String, String> files) {
        this.files = files;
    }

    static VolumeFiles build(ContainerConfig config, ObjectNode pod, JsonNode container, String podIp, String hostIp)
            throws ConfigError {
        String namespace = pod.path("metadata").path("namespace").asText();
        TreeMap<String, String> out = new TreeMap<>();
        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode volume = volume(pod, mount.path("name").asText());
            if (volume == null) {
                continue;
            }
            String dir = trimSlash(mount.path("mountPath").asText());
            String subPath = mount.path("subPath").asText("");
            TreeMap<String, String> content = new TreeMap<>();
            if (volume.has("configMap")) {
                add(content, config, namespace, volume.path("configMap"), false);
            } else if (volume.has("secret")) {
                JsonNode s = volume.path("secret").deepCopy();
                ((ObjectNode) s).put("name", volume.path("secret").path("secretName").asText());
                add(content, config, namespace, s, true);
            } else if (volume.has("projected")) {
                for (JsonNode source : volume.path("projected").path("sources")) {
                    if (source.has("configMap")) {
                        add(content, config, namespace, source.path("configMap"), false);
                    } else if (source.has("secret")) {
                        add(content, config, namespace, source.path("secret"), true);
                    } else if (source.has("downwardAPI")) {
                        downward(content, pod, source.path("downwardAPI"), container, podIp, hostIp);
                    }
                }
            } else if (volume.has("downwardAPI")) {
                downward(content, pod, volume.path("downwardAPI"), container, podIp, hostIp);
            }
            if (!subPath.isEmpty()) {
                String one = content.get(subPath);
                if (one != null) {
                    out.put(dir, one);
                }
                continue;
            }
            content.forEach((path, text) -> out.put(dir + "/" + path, text));
        }
        return new VolumeFiles(out);
    }

    /**
     * The volume manager's mount of the pod's ConfigMap, Secret and projected volumes, before the sandbox:
     * a missing object fails with the message of the {@code FailedMount} event.
     */
    static void mount(ContainerConfig config, ObjectNode pod) throws ConfigError {
        String namespace = pod.path("metadata").path("namespace").asText();
        for (JsonNode volume : pod.path("spec").path("volumes")) {
            String name = volume.path("name").asText();
            try {
                if (volume.has("configMap")) {
                    config.read(namespace, volume.path("configMap").path("name").asText(), false,
                            volume.path("configMap").path("optional").asBoolean(false));
                } else if (volume.has("secret")) {
                    config.read(namespace, volume.path("secret").path("secretName").asText(), true,
                            volume.path("secret").path("optional").asBoolean(false));
                } else if (volume.has("projected")) {
                    for (JsonNode source : volume.path("projected").path("sources")) {
                        for (String kind : List.of("configMap", "secret")) {
                            if (source.has(kind)) {
                                config.read(namespace, source.path(kind).path("name").asText(), kind.equals("secret"),
                                        source.path(kind).path("optional").asBoolean(false));
                            }
                        }
                    }
                }
            } catch (ConfigError e) {
                throw new ConfigError("MountVolume.SetUp failed for volume \"" + name + "\" : " + e.getMessage(),
                        e.namespace(), e.object());
            }
        }
    }

    private static JsonNode volume(ObjectNode pod, String name) {
        for (JsonNode v : pod.path("spec").path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        return null;
    }

    private static void add(TreeMap<String, String> content, ContainerConfig config, String namespace, JsonNode source,
                            boolean secret) throws ConfigError {
        Optional<Map<String, String>> data = config.read(namespace, source.path("name").asText(), secret,
                source.path("optional").asBoolean(false));
        if (data.isEmpty()) {
            return;
        }
        if (source.path("items").isEmpty()) {
            content.putAll(data.get());
            return;
        }
        for (JsonNode item : source.path("items")) {
            String value = data.get().get(item.path("key").asText());
            if (value != null) {
                content.put(item.path("path").asText(), value);
            }
        }
    }

    private static void downward(TreeMap<String, String> content, ObjectNode pod, JsonNode source, JsonNode container,
                                 String podIp, String hostIp) {
        for (JsonNode item : source.path("items")) {
            String value = item.has("fieldRef")
                    ? ContainerConfig.field(pod, item.path("fieldRef").path("fieldPath").asText(), podIp, hostIp)
                    : ContainerConfig.resource(container, item.path("resourceFieldRef"));
            content.put(item.path("path").asText(), value);
        }
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public List<String> list(String directory) {
        String prefix = trimSlash(directory) + "/";
        List<String> out = new ArrayList<>();
        for (String path : files.subMap(prefix, prefix + Character.MAX_VALUE).keySet()) {
            if (path.indexOf('/', prefix.length()) < 0) {
                out.add(path);
            }
        }
        return out;
    }
}
