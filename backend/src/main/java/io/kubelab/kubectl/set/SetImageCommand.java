package io.kubelab.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.mutate.Pairs;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl set image}: sets containers' images ({@code NAME=IMAGE}, {@code *=IMAGE} for all) in
 * pod templates, with a strategic merge patch of the changed containers.
 */
public final class SetImageCommand extends PodSpecCommand {

    static final String WILDCARD = "*";
    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    @Override
    public String name() {
        return "image";
    }

    @Override
    public String summary() {
        return "Update the image of a pod template";
    }

    @Override
    public String usage() {
        return "kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]";
    }

    @Override
    public String description() {
        return """
                Update existing container image(s) of resources.

                 Possible resources include (case insensitive):

                  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)""";
    }

    @Override
    public String examples() {
        return """
                  # Run nginx:1.27 in the container nginx of the deployment web (a rollout follows)
                  kubectl set image deployment/web nginx=nginx:1.27

                  # Set the image of every container of the deployment web
                  kubectl set image deployment/web *=nginx:1.27

                  # Print the changed object without sending it
                  kubectl set image deployment/web nginx=nginx:1.27 --dry-run=client -o yaml""";
    }

    @Override
    public FlagSet flags() {
        return templateFlags("Filename, directory, or URL to files identifying the resource to get from a server.");
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        Pairs.Split split = Pairs.split(flags.args(), "image");
        Map<String, String> images = Pairs.parse(split.pairs(), "image", false).set();
        List<TargetObjects.Info> infos = objects(ctx, flags, split.resources());
        List<String> problems = new ArrayList<>();
        if (flags.bool(ALL) && !flags.string(SELECTOR).isEmpty()) {
            problems.add("cannot set --all and --selector at the same time");
        }
        if (split.resources().isEmpty() && flags.strings(FILENAME).isEmpty()) {
            problems.add("one or more resources must be specified as <resource> <name> or <resource>/<name>");
        }
        if (images.isEmpty()) {
            problems.add("at least one image update is required");
        } else if (images.size() > 1 && images.containsKey(WILDCARD)) {
            problems.add("all containers are already specified by *, but saw more than one container_name=container_image pairs");
        }
        if (problems.size() == 1) {
            throw KubectlException.error(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new KubectlException(String.join("\n", problems) + "\n", 1);
        }
        update(ctx, flags, infos, (spec, errors) -> setImages(spec, images, errors), "image updated",
                "failed to patch image update to pod template");
    }

    /** Sets the images; the patch lists each changed container by name with its new image. */
    private static ObjectNode setImages(ObjectNode spec, Map<String, String> images, List<String> errors) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        images.forEach((name, image) -> {
            boolean found = false;
            for (String list : CONTAINER_LISTS) {
                for (JsonNode c : spec.path(list)) {
                    if (name.equals(WILDCARD) || c.path("name").asText().equals(name)) {
                        found = true;
                        if (!c.path("image").asText().equals(image)) {
                            ((ObjectNode) c).put("image", image);
                            ArrayNode changed = patch.withArray(list);
                            changed.addObject().put("image", image).put("name", c.path("name").asText());
                        }
                    }
                }
            }
            if (!found) {
                errors.add("error: unable to find container named \"" + name + "\"");
            }
        });
        return patch;
    }
}
