package io.kubelab.kubectl.autoscale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.mutate.Errors;
import io.kubelab.kubectl.mutate.TargetObjects;
import io.kubelab.model.ResourceTypes;

import java.util.List;

/**
 * {@code kubectl autoscale}: creates an autoscaling/v1 HorizontalPodAutoscaler for each scalable object
 * named, as kubectl builds it ({@link Autoscaler}).
 */
public final class AutoscaleCommand extends Command {

    static final String CPU_PERCENT = "cpu-percent";
    static final String FILENAME = "filename";
    static final String MAX = "max";
    static final String MIN = "min";
    static final String NAME = "name";
    static final String RECURSIVE = "recursive";

    @Override
    public String name() {
        return "autoscale";
    }

    @Override
    public String summary() {
        return "Auto-scale a deployment, replica set, stateful set, or replication controller";
    }

    @Override
    public String usage() {
        return "kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]";
    }

    @Override
    public String description() {
        return """
                Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.

                 Finds a deployment, replica set, stateful set, or replication controller by name and creates a \
                HorizontalPodAutoscaler for it: the autoscaler then raises or lowers its number of pods between \
                --min and --max as their CPU use requires.""";
    }

    @Override
    public String examples() {
        return """
                  # Keep between 2 and 10 pods of the deployment web, with the default CPU target
                  kubectl autoscale deployment web --min=2 --max=10

                  # Keep at most 5 pods of the replica set web, aiming at 80% of their requested CPU
                  kubectl autoscale rs web --max=5 --cpu-percent=80""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet()
                .add(Flag.int32(CPU_PERCENT, "", -1, "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used."))
                .add(DryRun.DRY_RUN)
                .add(Flag.string("field-manager", "", "kubectl-autoscale", "Name of the manager used to track field ownership."))
                .add(Flag.stringSlice(FILENAME, "f", "Filename, directory, or URL to files identifying the resource to autoscale."))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.int32(MAX, "", -1, "The upper limit for the number of pods that can be set by the autoscaler. Required."))
                .add(Flag.int32(MIN, "", -1, "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value."))
                .add(Flag.string(NAME, "", "", "The name for the newly created object. If not specified, the name of the input resource will be used."))
                .add(Flag.bool(RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.bool("save-config", "", false, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.")));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!flags.changed(MAX)) {
            throw KubectlException.error("required flag(s) \"" + MAX + "\" not set");
        }
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        long max = flags.integer(MAX);
        long min = flags.integer(MIN);
        if (max < 1) {
            throw KubectlException.error("--max=MAXPODS is required and must be at least 1, max: " + max);
        }
        if (max < min) {
            throw KubectlException.error("--max=MAXPODS must be larger or equal to --min=MINPODS, max: " + max
                    + ", min: " + min);
        }
        TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(flags.args(), "", "", false,
                false, false, flags.strings(FILENAME), flags.bool(RECURSIVE), true));
        Errors errors = new Errors();
        Autoscaler autoscaler = new Autoscaler(flags.string(NAME), min, max, flags.integer(CPU_PERCENT));
        for (TargetObjects.Info info : found.entries()) {
            if (info.failed()) {
                errors.add(info.failure(), "retrieving", "");
                continue;
            }
            if (!info.type().hasSubresource("scale")) {
                throw KubectlException.error("cannot autoscale a " + info.type().kind() + ": could not find scale "
                        + "subresource for " + info.type().apiVersion().replaceFirst("^v", "/v") + ", Resource="
                        + info.type().resource() + " in discovery information");
            }
            ObjectNode hpa = autoscaler.build(info.object());
            if (dryRun == DryRun.CLIENT) {
                OutputFlags.print(ctx, flags, List.of(hpa), "created" + dryRun.suffix());
                continue;
            }
            try {
                ObjectNode created = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE,
                        ResourceTypes.of(Autoscaler.API_VERSION, Autoscaler.KIND), info.namespace(), "")
                        .withBody(hpa).withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager")))).body();
                OutputFlags.print(ctx, flags, List.of(created), "autoscaled" + dryRun.suffix());
            } catch (StatusException e) {
                errors.add(e, "creating", info.source());
            }
        }
        errors.throwIfAny();
    }
}
