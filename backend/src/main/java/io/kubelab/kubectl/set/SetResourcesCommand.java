package io.kubelab.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubectl set resources}: sets containers' resource limits and requests in pod templates. */
public final class SetResourcesCommand extends PodSpecCommand {

    static final String CONTAINERS = "containers";
    static final String LIMITS = "limits";
    static final String REQUESTS = "requests";

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public String summary() {
        return "Update resource requests/limits on objects with pod templates";
    }

    @Override
    public String usage() {
        return "kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]";
    }

    @Override
    public String description() {
        return """
                Specify compute resource requirements (CPU, memory) for any resource that defines a pod template. \
                If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst \
                up to its specified limits.

                 For each compute resource, if a limit is specified and a request is omitted, the request will \
                default to the limit.

                 Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of \
                supported resources..""";
    }

    @Override
    public String examples() {
        return """
                  # Limit the container nginx of the deployment web to 200m CPU and 512Mi of memory
                  kubectl set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi

                  # Set requests and limits for every container of the deployment web
                  kubectl set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi""";
    }

    @Override
    public FlagSet flags() {
        return templateFlags("Filename, directory, or URL to files identifying the resource to get from a server.")
                .add(Flag.string(CONTAINERS, "c", "*", "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards"))
                .add(Flag.string(LIMITS, "", "", "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."))
                .add(Flag.string(REQUESTS, "", "", "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<TargetObjects.Info> infos = objects(ctx, flags, flags.args());
        if (flags.bool(ALL) && !flags.string(SELECTOR).isEmpty()) {
            throw KubectlException.error("cannot set --all and --selector at the same time");
        }
        String limitsFlag = flags.string(LIMITS);
        String requestsFlag = flags.string(REQUESTS);
        if (limitsFlag.isEmpty() && requestsFlag.isEmpty()) {
            throw KubectlException.error("you must specify an update to requests or limits (in the form of --requests/--limits)");
        }
        Map<String, String> limits = list(limitsFlag);
        Map<String, String> requests = list(requestsFlag);
        String selector = flags.string(CONTAINERS);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + selector);
        update(ctx, flags, infos, (spec, errors) -> {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            boolean found = false;
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : spec.path(list)) {
                    if (!matcher.matches(Path.of(c.path("name").asText()))) {
                        continue;
                    }
                    found = true;
                    ObjectNode resources = ((ObjectNode) c).with("resources");
                    ObjectNode change = JsonNodeFactory.instance.objectNode();
                    set(resources, change, LIMITS, limits);
                    set(resources, change, REQUESTS, requests);
                    if (!change.isEmpty()) {
                        patch.withArray(list).addObject().put("name", c.path("name").asText()).set("resources", change);
                    }
                }
            }
            if (!found) {
                errors.add("error: unable to find container named " + selector);
            }
            return patch;
        }, "resource requirements updated", "failed to patch resources update to pod template");
    }

    private static void set(ObjectNode resources, ObjectNode change, String field, Map<String, String> values) {
        values.forEach((name, value) -> {
            if (!resources.path(field).path(name).asText().equals(value)) {
                resources.with(field).put(name, value);
                change.with(field).put(name, value);
            }
        });
    }

    /** {@code cpu=100m,memory=256Mi} as kubectl's HandleResourceRequirementsV1 reads it. */
    private static Map<String, String> list(String text) throws KubectlException {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2) {
                throw KubectlException.error("Invalid argument syntax " + pair + ", expected <resource>=<value>");
            }
            try {
                io.kubelab.model.Quantity.parse(kv[1]);
            } catch (IllegalArgumentException e) {
                throw KubectlException.error("quantities must match the regular expression "
                        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
            }
            out.put(kv[0], kv[1]);
        }
        return out;
    }
}
