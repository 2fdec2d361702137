package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/** {@code kubectl create cronjob NAME --image=... --schedule=...}: restart policy OnFailure unless {@code --restart}. */
final class CreateCronJob extends GeneratorCommand {

    @Override
    public String name() {
        return "cronjob";
    }

    @Override
    public List<String> aliases() {
        return List.of("cj");
    }

    @Override
    public String summary() {
        return "Create a cron job with the specified name";
    }

    @Override
    public String description() {
        return "Create a cron job with the specified name.";
    }

    @Override
    public String usage() {
        return "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A cron job printing the date every minute
                  kubectl create cronjob ticker --image=busybox --schedule="*/1 * * * *" -- date
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.string("image", "", "", "Image name to run."))
                .add(Flag.string("restart", "", "", "job's restart policy. supported values: OnFailure, Never"))
                .add(Flag.string("schedule", "", "", "A schedule in the Cron format the job should be run with."));
    }

    @Override
    protected List<String> requiredFlags() {
        return List.of("image", "schedule");
    }

    @Override
    protected String apiVersion() {
        return "batch/v1";
    }

    @Override
    protected String kind() {
        return "CronJob";
    }

    @Override
    protected String createErrorPrefix() {
        return "failed to create cronjob: ";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        String restart = flags.string("restart");
        ObjectNode cronJob = Typed.object(apiVersion(), kind(), name, namespace);
        ObjectNode spec = cronJob.putObject("spec");
        spec.put("schedule", flags.string("schedule"));
        ObjectNode jobTemplate = spec.putObject("jobTemplate");
        jobTemplate.set("metadata", Typed.meta(name, null));
        ObjectNode podSpec = PodTemplates.template(jobTemplate.putObject("spec"));
        ObjectNode container = Typed.container(name, flags.string("image"));
        List<String> command = command(flags);
        if (!command.isEmpty()) {
            container.set("command", Typed.strings(command));
        }
        container.putObject("resources");
        podSpec.putArray("containers").add(container);
        podSpec.put("restartPolicy", restart.isEmpty() ? "OnFailure" : restart);
        cronJob.putObject("status");
        return cronJob;
    }
}
