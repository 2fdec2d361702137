package io.kubelab.kubectl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.patch.JsonPatch;
import io.kubelab.apiserver.patch.MergePatch;
import io.kubelab.apiserver.patch.PatchSchema;
import io.kubelab.apiserver.patch.StrategicMergePatch;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.apply.LastApplied;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.create.Creation;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.create.WriteFlags;
import io.kubelab.model.ResourceTypes;

import java.util.List;
import java.util.Map;

/**
 * {@code kubectl run NAME --image=IMAGE}: a pod as kubectl's {@code run-pod/v1} generator builds it,
 * optionally its service ({@code --expose}), optionally waited for and its output shown
 * ({@code -i}/{@code --attach}, see {@link RunAttach}) and removed ({@code --rm}).
 */
public final class RunCommand extends Command {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never", "");

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run a particular image on the cluster";
    }

    @Override
    public String description() {
        return "Create and run a particular image in a pod.";
    }

    @Override
    public String usage() {
        return "kubectl run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] "
                + "[--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A pod running nginx
                  kubectl run nginx --image=nginx

                  # The same, with its port and a ClusterIP service in front of it
                  kubectl run web --image=nginx --port=80 --expose

                  # The manifest kubectl would send, without sending it
                  kubectl run web --image=nginx --dry-run=client -o yaml

                  # Run a command once, show its output, and remove the pod
                  kubectl run hello --image=busybox -i --rm --restart=Never -- echo hello
                """;
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet())
                .add(Flag.stringArray("annotations", "", "Annotations to apply to the pod."))
                .add(Flag.bool("attach", "", false, "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned."))
                .add(Flag.string("cascade", "", "background", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."))
                .add(Flag.bool("command", "", false, "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."))
                .add(DryRun.DRY_RUN)
                .add(Flag.stringArray("env", "", "Environment variables to set in the container."))
                .add(Flag.bool("expose", "", false, "If true, create a ClusterIP service associated with the pod.  Requires `--port`."))
                .add(Flag.string(WriteFlags.FIELD_MANAGER, "", "kubectl-run", "Name of the manager used to track field ownership."))
                .add(Flag.stringSlice("filename", "f", "to use to replace the resource."))
                .add(Flag.bool("force", "", false, "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."))
                .add(Flag.integer("grace-period", "", -1, "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."))
                .add(Flag.string("image", "", "", "The image for the container to run."))
                .add(Flag.string("image-pull-policy", "", "", "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server."))
                .add(Flag.string("kustomize", "k", "", "Process a kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.string("labels", "l", "", "Comma separated labels to apply to the pod. Will override previous values."))
                .add(Flag.bool("leave-stdin-open", "", false, "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes."))
                .add(Flag.string("override-type", "", "merge", "The method used to override the generated object: json, merge, or strategic."))
                .add(Flag.string("overrides", "", "", "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."))
                .add(Flag.duration("pod-running-timeout", "", "1m0s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"))
                .add(Flag.string("port", "", "", "The port that this container exposes."))
                .add(Flag.bool("privileged", "", false, "If true, run the container in privileged mode."))
                .add(Flag.bool("quiet", "q", false, "If true, suppress prompt messages."))
                .add(Flag.bool("recursive", "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("restart", "", "Always", "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]."))
                .add(Flag.bool("rm", "", false, "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."))
                .add(Flag.bool(WriteFlags.SAVE_CONFIG, "", false, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."))
                .add(Flag.bool("stdin", "i", false, "Keep stdin open on the container in the pod, even if nothing is attached."))
                .add(Flag.duration("timeout", "", "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"))
                .add(Flag.bool("tty", "t", false, "Allocate a TTY for the container in the pod."))
                .add(Flag.bool("wait", "", false, "If true, wait for resources to be gone before returning. This waits for finalizers."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        io.kubelab.kubectl.create.GeneratorCommand.checkRequired(flags, List.of("image"));
        DryRun dryRun = DryRun.of(flags);
        List<String> args = flags.args();
        if (args.isEmpty() || flags.argsLenAtDash() == 0) {
            throw KubectlException.usageHelp(ctx.commandPath(), "NAME is required for run");
        }
        String name = args.get(0);
        String image = flags.string("image");
        if (image.isEmpty()) {
            throw KubectlException.error("--image is required");
        }
        if (!ImageReference.valid(image)) {
            throw KubectlException.error("Invalid image name \"" + image + "\": invalid reference format");
        }
        boolean stdin = flags.bool("stdin");
        boolean tty = flags.bool("tty");
        boolean attach = flags.changed("attach") ? flags.bool("attach") : stdin;
        if (tty && !stdin) {
            throw KubectlException.usageHelp(ctx.commandPath(), "-i/--stdin is required for containers with -t/--tty=true");
        }
        boolean expose = flags.bool("expose");
        String port = flags.string("port");
        if (expose && port.isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "--port must be set when exposing a service");
        }
        String restart = flags.string("restart");
        if (restart.isEmpty()) {
            restart = stdin ? "OnFailure" : "Always";
        } else if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
            throw KubectlException.usageHelp(ctx.commandPath(), "invalid restart policy: " + restart);
        }
        if (!attach && flags.bool("rm")) {
            throw KubectlException.usageHelp(ctx.commandPath(), "--rm should only be used for attached containers");
        }
        if (attach && dryRun != DryRun.NONE) {
            throw KubectlException.usageHelp(ctx.commandPath(), "--dry-run=[server|client] can't be used with attached "
                    + "containers options (--attach, --stdin, or --tty)");
        }
        String pullPolicy = flags.string("image-pull-policy");
        if (!PULL_POLICIES.contains(pullPolicy)) {
            throw KubectlException.usageHelp(ctx.commandPath(), "invalid image pull policy: " + pullPolicy);
        }
        Map<String, String> labels = PodGenerator.labels(flags.string("labels"));
        PodGenerator.Spec spec = new PodGenerator.Spec(name, image, labels,
                PodGenerator.annotations(flags.strings("annotations")), flags.strings("env"), port, pullPolicy,
                flags.bool("privileged"), stdin, flags.bool("leave-stdin-open"), tty, restart,
                args.subList(1, args.size()), flags.bool("command"));
        String namespace = dryRun == DryRun.CLIENT && ctx.namespaceGiven() ? ctx.namespace() : null;
        ObjectNode pod = override(flags, PodGenerator.pod(spec, namespace));
        RequestOptions options = RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager"));
        ObjectNode created = send(ctx, flags, pod, dryRun, options);
        String operation = "created" + dryRun.suffix();
        ObjectNode service = null;
        StatusException serviceError = null;
        if (expose) {
            int servicePort;
            try {
                servicePort = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw KubectlException.error("strconv.Atoi: parsing \"" + port + "\": invalid syntax");
            }
            try {
                service = send(ctx, flags, PodGenerator.service(name, namespace, labels, flags.string("labels"),
                        servicePort), dryRun, options);
                printed(ctx, flags, service, dryRun, operation);
                if (flags.string(OutputFlags.OUTPUT).equals("yaml")) {
                    ctx.out().append("---\n---\n");
                }
            } catch (StatusException e) {
                serviceError = e;
            }
        }
        if (attach) {
            new RunAttach(ctx, flags, restart).run(created, service);
            return;
        }
        printed(ctx, flags, created, dryRun, operation);
        if (serviceError != null) {
            throw ServerErrors.of(serviceError);
        }
    }

    /** Creates the object, saving its configuration first if asked (kubectl does not on a client dry run). */
    private static ObjectNode send(KubectlContext ctx, ParsedFlags flags, ObjectNode object, DryRun dryRun,
                                   RequestOptions options) {
        if (dryRun == DryRun.CLIENT) {
            return object;
        }
        if (flags.bool(WriteFlags.SAVE_CONFIG)) {
            LastApplied.set(object, true);
        }
        return Creation.create(ctx, ResourceTypes.of(object.path("apiVersion").asText(), object.path("kind").asText()),
                ctx.namespace(), object, dryRun, options);
    }

    /** {@code --overrides}: a JSON, merge or strategic merge patch over the generated pod. */
    private static ObjectNode override(ParsedFlags flags, ObjectNode pod) throws KubectlException {
        String overrides = flags.string("overrides");
        if (overrides.isEmpty()) {
            return pod;
        }
        JsonNode patch;
        try {
            patch = JSON.readTree(overrides);
        } catch (java.io.IOException e) {
            throw KubectlException.error(MergePatch.BAD_PATCH);
        }
        try {
            JsonNode result = switch (flags.string("override-type")) {
                case "json" -> JsonPatch.apply(pod, patch);
                case "strategic" -> StrategicMergePatch.apply(pod, patch,
                        PatchSchema.forKind("v1", "Pod").orElse(PatchSchema.UNSTRUCTURED));
                case "merge" -> MergePatch.apply(pod, patch);
                default -> throw KubectlException.error("invalid override type: " + flags.string("override-type"));
            };
            return (ObjectNode) result;
        } catch (RuntimeException e) {
            throw KubectlException.error(e.getMessage());
        }
    }

    /** A client dry run prints the objects as kubectl built them (struct order in JSON). */
    private static void printed(KubectlContext ctx, ParsedFlags flags, ObjectNode object, DryRun dryRun, String operation)
            throws KubectlException {
        if (dryRun.sendsNothing()) {
            OutputFlags.printBuilt(ctx, flags, object, operation);
        } else {
            OutputFlags.print(ctx, flags, List.of(object), operation);
        }
    }
}
