package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;
import java.util.Random;

/** {@code kubectl create deployment NAME --image=...}: one container per image, labelled {@code app: NAME}. */
final class CreateDeployment extends GeneratorCommand {

    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private final Random random = new Random();

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public List<String> aliases() {
        return List.of("deploy");
    }

    @Override
    public String summary() {
        return "Create a deployment with the specified name";
    }

    @Override
    public String description() {
        return "Create a deployment with the specified name.";
    }

    @Override
    public String usage() {
        return "kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Create a deployment named web running nginx
                  kubectl create deployment web --image=nginx

                  # The same with three replicas, exposing container port 80
                  kubectl create deployment web --image=nginx --replicas=3 --port=80

                  # A deployment whose container runs a command
                  kubectl create deployment sleeper --image=busybox -- sleep 3600
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.stringSlice("image", "", "Image names to run. A deployment can have multiple images set for multi-container pod."))
                .add(Flag.int32("port", "", -1, "The containerPort that this deployment exposes."))
                .add(Flag.int32("replicas", "r", 1, "Number of replicas to create. Default is 1."));
    }

    @Override
    protected List<String> requiredFlags() {
        return List.of("image");
    }

    @Override
    protected String apiVersion() {
        return "apps/v1";
    }

    @Override
    protected String kind() {
        return "Deployment";
    }

    @Override
    protected String createErrorPrefix() {
        return "failed to create deployment: ";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        List<String> images = flags.strings("image");
        List<String> command = command(flags);
        if (images.size() > 1 && !command.isEmpty()) {
            throw KubectlException.error("cannot specify multiple --image options and command");
        }
        ObjectNode deploy = Typed.object(apiVersion(), kind(), name, namespace);
        ((ObjectNode) deploy.get("metadata")).set("labels", Typed.node().put("app", name));
        ObjectNode spec = deploy.putObject("spec");
        spec.put("replicas", flags.integer("replicas"));
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        ObjectNode template = spec.putObject("template");
        ObjectNode templateMeta = template.putObject("metadata");
        templateMeta.putNull("creationTimestamp");
        templateMeta.putObject("labels").put("app", name);
        ArrayNode containers = template.putObject("spec").putArray("containers");
        for (String image : images) {
            ObjectNode container = Typed.container(containerName(image), image);
            if (!command.isEmpty()) {
                container.set("command", Typed.strings(command));
            }
            containers.add(container);
        }
        long port = flags.integer("port");
        if (port >= 0 && !containers.isEmpty()) {
            ((ObjectNode) containers.get(0)).putArray("ports").addObject().put("containerPort", port);
        }
        containers.forEach(c -> ((ObjectNode) c).putObject("resources"));
        spec.putObject("strategy");
        deploy.putObject("status");
        return deploy;
    }

    /** The image's last path element without tag or digest; {@code .} and {@code _} become {@code -} plus a random suffix. */
    private String containerName(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (name.contains("@")) {
            name = name.substring(0, name.indexOf('@'));
        }
        if (name.contains("_") || name.contains(".")) {
            StringBuilder suffix = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                suffix.append(ALPHANUMS.charAt(random.nextInt(ALPHANUMS.length())));
            }
            name = name.replace('_', '-').replace('.', '-') + "-" + suffix;
        }
        return name;
    }
}
