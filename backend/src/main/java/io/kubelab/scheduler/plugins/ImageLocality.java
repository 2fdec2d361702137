package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Scores;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code imagelocality}: favours nodes that already hold the pod's images ({@code status.images}), each
 * image's size scaled by the share of nodes that have it, so one copy does not draw every pod.
 */
public final class ImageLocality implements Plugin {

    public static final String NAME = "ImageLocality";
    private static final long MB = 1024 * 1024;
    private static final long MIN_THRESHOLD = 23 * MB;
    private static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int weight() {
        return 1;
    }

    private record ImageState(long size, int nodes) {
    }

    /** Every image name on any node with its size and how many nodes hold it. */
    private static Map<String, ImageState> images(CycleState state) {
        return state.computeIfAbsent(NAME, () -> {
            Map<String, ImageState> all = new HashMap<>();
            for (NodeInfo info : state.snapshot().nodes()) {
                for (JsonNode image : info.node().path("status").path("images")) {
                    long size = image.path("sizeBytes").asLong(0);
                    for (JsonNode name : image.path("names")) {
                        all.merge(name.asText(), new ImageState(size, 1), (a, b) -> new ImageState(a.size, a.nodes + 1));
                    }
                }
            }
            return all;
        });
    }

    @Override
    public long score(CycleState state, NodeInfo node) {
        Map<String, ImageState> all = images(state);
        java.util.Set<String> here = new java.util.HashSet<>();
        for (JsonNode image : node.node().path("status").path("images")) {
            image.path("names").forEach(n -> here.add(n.asText()));
        }
        int total = state.snapshot().nodes().size();
        long sum = 0;
        int containers = 0;
        for (String field : new String[]{"initContainers", "containers"}) {
            for (JsonNode container : state.pod().path("spec").path(field)) {
                containers++;
                String name = normalized(container.path("image").asText(""));
                if (here.contains(name) && all.containsKey(name)) {
                    ImageState image = all.get(name);
                    sum += (long) (image.size * ((double) image.nodes / total));
                }
            }
        }
        long max = MAX_CONTAINER_THRESHOLD * containers;
        sum = Math.max(MIN_THRESHOLD, Math.min(max, sum));
        return Scores.MAX_NODE_SCORE * (sum - MIN_THRESHOLD) / (max - MIN_THRESHOLD);
    }

    /** {@code normalizedImageName}: an image without a tag or digest means {@code :latest}. */
    static String normalized(String image) {
        return image.lastIndexOf(':') <= image.lastIndexOf('/') ? image + ":latest" : image;
    }
}
