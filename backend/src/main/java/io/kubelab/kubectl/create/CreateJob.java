package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.resource.ResourceArgs;

import java.util.List;
import java.util.TreeMap;

/**
 * {@code kubectl create job NAME --image=...}, or {@code --from=cronjob/NAME}: a Job from the CronJob's
 * template, annotated {@code cronjob.kubernetes.io/instantiate: manual} and owned by the CronJob.
 */
final class CreateJob extends GeneratorCommand {

    @Override
    public String name() {
        return "job";
    }

    @Override
    public String summary() {
        return "Create a job with the specified name";
    }

    @Override
    public String description() {
        return "Create a job with the specified name.";
    }

    @Override
    public String usage() {
        return "kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A job running the busybox image once
                  kubectl create job hello --image=busybox -- echo "Hello World"

                  # Start the job of the cron job "nightly" now
                  kubectl create job nightly-manual --from=cronjob/nightly
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.string("from", "", "", "The name of the resource to create a Job from (only cronjob is supported)."))
                .add(Flag.string("image", "", "", "Image name to run."));
    }

    @Override
    protected String apiVersion() {
        return "batch/v1";
    }

    @Override
    protected String kind() {
        return "Job";
    }

    @Override
    protected String createErrorPrefix() {
        return "failed to create job: ";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        String image = flags.string("image");
        String from = flags.string("from");
        List<String> command = command(flags);
        if (image.isEmpty() == from.isEmpty()) {
            throw KubectlException.error("either --image or --from must be specified");
        }
        if (!command.isEmpty() && !from.isEmpty()) {
            throw KubectlException.error("cannot specify --from and command");
        }
        if (!from.isEmpty()) {
            return fromCronJob(ctx, name, namespace, from);
        }
        ObjectNode job = Typed.object(apiVersion(), kind(), name, namespace);
        ObjectNode podSpec = PodTemplates.template(job.putObject("spec"));
        ObjectNode container = Typed.container(name, image);
        if (!command.isEmpty()) {
            container.set("command", Typed.strings(command));
        }
        container.putObject("resources");
        podSpec.putArray("containers").add(container);
        podSpec.put("restartPolicy", "Never");
        job.putObject("status");
        return job;
    }

    private ObjectNode fromCronJob(KubectlContext ctx, String name, String namespace, String from)
            throws KubectlException {
        List<ResourceArgs.Target> targets = ResourceArgs.parse(List.of(from));
        if (targets.size() != 1 || targets.get(0).isList()) {
            throw KubectlException.error("from must be an existing cronjob");
        }
        ResourceArgs.Target target = targets.get(0);
        ObjectNode source;
        try {
            source = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, target.type(),
                    target.type().namespaced() ? ctx.namespace() : "", target.name())).body();
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        if (!target.type().kind().equals("CronJob")) {
            throw KubectlException.error("unknown object type *" + target.type().version() + "."
                    + target.type().kind());
        }
        JsonNode template = source.path("spec").path("jobTemplate");
        ObjectNode job = Typed.object(apiVersion(), kind(), name, namespace);
        ObjectNode meta = (ObjectNode) job.get("metadata");
        if (template.path("metadata").has("labels")) {
            meta.set("labels", template.path("metadata").get("labels").deepCopy());
        }
        TreeMap<String, String> annotations = new TreeMap<>();
        annotations.put("cronjob.kubernetes.io/instantiate", "manual");
        template.path("metadata").path("annotations").fields()
                .forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        ObjectNode annotationNode = meta.putObject("annotations");
        annotations.forEach(annotationNode::put);
        ObjectNode owner = meta.putArray("ownerReferences").addObject();
        owner.put("apiVersion", "batch/v1");
        owner.put("kind", "CronJob");
        owner.put("name", source.path("metadata").path("name").asText());
        owner.put("uid", source.path("metadata").path("uid").asText());
        owner.put("controller", true);
        job.set("spec", template.path("spec").deepCopy());
        job.putObject("status");
        return job;
    }
}
