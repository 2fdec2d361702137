package io.kubelab.kubectl.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.PodExec;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.resource.PodPicker;
import io.kubelab.model.ResourceTypes;

import java.util.List;

/**
 * {@code kubectl exec POD -- COMMAND}: the command runs in the container's simulated image (its
 * programs and its small shell) through the API server's {@code pods/exec}; a non-zero exit is
 * reported as kubectl reports it. There is no terminal to attach, so {@code -t} gets kubectl's notice.
 */
public final class ExecCommand extends Command {

    private static final String NO_POD = "pod, type/name or --filename must be specified";

    @Override
    public String name() {
        return "exec";
    }

    @Override
    public String summary() {
        return "Execute a command in a container";
    }

    @Override
    public String usage() {
        return "kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Get output from running the 'date' command from pod mypod, using the first container by default
                  kubectl exec mypod -- date

                  # Get output from running the 'date' command in ruby-container from pod mypod
                  kubectl exec mypod -c ruby-container -- date

                  # Get output from running 'env' in the first pod of deployment mydeployment
                  kubectl exec deploy/mydeployment -- env

                  # Fetch a page from another service inside the cluster
                  kubectl exec mypod -- wget -qO- http://web""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.string("container", "c", "", "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"))
                .add(Flag.stringSlice("filename", "f", "to use to exec into the resource"))
                .add(Flag.duration("pod-running-timeout", "", "1m0s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"))
                .add(Flag.bool("quiet", "q", false, "Only print output from the remote session"))
                .add(Flag.bool("stdin", "i", false, "Pass stdin to the container"))
                .add(Flag.bool("tty", "t", false, "Stdin is a TTY"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        int dash = flags.argsLenAtDash();
        if (dash < 0 && args.size() > 1) {
            throw KubectlException.usageHelp(ctx.commandPath(), "exec [POD] [COMMAND] is not supported anymore. "
                    + "Use exec [POD] -- [COMMAND] instead");
        }
        // kubectl takes the first argument before "--" as the pod and ignores any others there.
        if (args.isEmpty() || dash == 0) {
            throw KubectlException.error(NO_POD);
        }
        List<String> command = dash < 0 ? List.of() : args.subList(dash, args.size());
        if (command.isEmpty()) {
            throw KubectlException.error("you must specify at least one command for the container");
        }
        ObjectNode pod = PodPicker.pods(ctx, args.get(0), "", false).get(0);
        String container = flags.string("container");
        if (container.isEmpty()) {
            container = PodPicker.defaultContainer(ctx, pod);
        }
        if (flags.bool("tty") && !flags.bool("quiet")) {
            ctx.err().append("Unable to use a TTY - input is not a terminal or the right kind of file\n");
        }
        PodExec.Result result;
        try {
            result = ctx.api().exec(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE, ResourceTypes.of("v1", "Pod"),
                    pod.path("metadata").path("namespace").asText(), pod.path("metadata").path("name").asText()),
                    container, command);
        } catch (StatusException e) {
            if (e.status().code() == 400) {
                throw KubectlException.error(e.status().message());
            }
            throw ServerErrors.of(e);
        }
        ctx.out().append(result.stdout());
        ctx.err().append(result.stderr());
        if (result.exitCode() != 0 && !result.stderr().isEmpty() && !result.stderr().endsWith("\n")) {
            // The runtime's message ends its line before kubectl's own.
            ctx.err().append('\n');
        }
        if (result.exitCode() != 0) {
            throw new KubectlException("command terminated with exit code " + result.exitCode() + "\n", result.exitCode());
        }
    }
}
