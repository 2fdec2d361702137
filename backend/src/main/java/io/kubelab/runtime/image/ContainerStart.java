package io.kubelab.runtime.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runtime hands a starting container: its spec's command line and environment, the files its
 * volumes mount, its identity and limits, and the cluster network it can reach.
 *
 * @param command          the container's {@code command} (empty: the image's entrypoint)
 * @param args             the container's {@code args} (empty: the image's command, unless {@code command} is set)
 * @param env              the resolved environment, in the order the kubelet resolved it
 * @param workingDir       the container's {@code workingDir}, or empty for the image's
 * @param hostname         the pod's hostname
 * @param podIp            the pod's IP
 * @param memoryLimitBytes the container's memory limit, 0 for none (a process that grows past it is OOM-killed)
 * @param files            the files the container's volumes mount (configMap, secret, projected, emptyDir)
 * @param network          the cluster network, for {@code curl}, {@code wget}, {@code nslookup} inside it
 */
public record ContainerStart(List<String> command, List<String> args, Map<String, String> env, String workingDir,
                             String hostname, String podIp, long memoryLimitBytes, Files files, Network network) {

    /** The files mounted into a container, by absolute path. */
    public interface Files {
        Optional<String> read(String path);

        /** Absolute paths of the files directly in {@code directory}. */
        List<String> list(String directory);

        Files NONE = new Files() {
            @Override
            public Optional<String> read(String path) {
                return Optional.empty();
            }

            @Override
            public List<String> list(String directory) {
                return List.of();
            }
        };
    }
}
