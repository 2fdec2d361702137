package io.kubelab.kubectl.create;

import io.kubelab.kubectl.DryRun;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.apply.LastApplied;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/**
 * {@code kubectl create -f FILE}: every object of the files created in turn, going on past a failure and
 * reporting all failures at the end; and the generators as subcommands.
 */
public final class CreateCommand extends Command {

    private static final List<Command> GENERATORS = List.of(new CreateClusterRole(), new CreateClusterRoleBinding(),
            new CreateConfigMap(), new CreateCronJob(), new CreateDeployment(), new CreateIngress(), new CreateJob(),
            new CreateNamespace(), new CreatePodDisruptionBudget(), new CreatePriorityClass(), new CreateQuota(),
            new CreateRole(), new CreateRoleBinding(), CommandGroup.secret(), CommandGroup.service(),
            new CreateServiceAccount(), new CreateToken());

    @Override
    public String name() {
        return "create";
    }

    @Override
    public String summary() {
        return "Create a resource from a file or from stdin";
    }

    @Override
    public String description() {
        return "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.";
    }

    @Override
    public String usage() {
        return "kubectl create -f FILENAME [options]";
    }

    @Override
    public String examples() {
        return """
                  # Create the objects of a file
                  kubectl create -f web.yaml

                  # Create every object of the manifests in a directory and its subdirectories
                  kubectl create -f manifests/ -R

                  # Create what is piped in
                  cat pod.json | kubectl create -f -
                """;
    }

    @Override
    public List<Command> subcommands() {
        return GENERATORS;
    }

    @Override
    public FlagSet flags() {
        return WriteFlags.addWithSaveConfig(new FlagSet(), "kubectl-create")
                .add(Flag.bool("edit", "", false, "Edit the API resource before creating"))
                .add(Flag.stringSlice(FileObjects.FILENAME, "f", "Filename, directory, or URL to files to use to create the resource"))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.string("raw", "", "", "Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file."))
                .add(Flag.bool(FileObjects.RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("selector", "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.bool("windows-line-endings", "", false, "Only relevant if --edit=true. Defaults to the line ending native to your platform."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!flags.args().isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "Unexpected args: [" + String.join(" ", flags.args()) + "]");
        }
        if (flags.strings(FileObjects.FILENAME).isEmpty() && flags.string("kustomize").isEmpty()) {
            throw KubectlException.error("must specify one of -f and -k");
        }
        if (!flags.string("kustomize").isEmpty()) {
            throw KubectlException.error("kustomize is not available in this sandbox: use -f with the manifests");
        }
        if (flags.bool("edit") || !flags.string("raw").isEmpty()) {
            throw KubectlException.error("--edit and --raw are not available in this terminal");
        }
        DryRun dryRun = DryRun.of(flags);
        RequestOptions options = WriteFlags.options(flags, dryRun);
        BatchErrors errors = new BatchErrors();
        List<FileObjects.Item> items = FileObjects.read(ctx, flags, flags.string("selector"), errors);
        if (items.isEmpty()) {
            errors.throwIfAny();
            throw KubectlException.error("no objects passed to create");
        }
        boolean yaml = flags.string(OutputFlags.OUTPUT).equals("yaml");
        int printed = 0;
        for (FileObjects.Item item : items) {
            String mismatch = FileObjects.namespaceMismatch(ctx, item);
            if (mismatch != null) {
                errors.add(mismatch);
                continue;
            }
            ObjectNode object = item.object();
            if (flags.bool(WriteFlags.SAVE_CONFIG)) {
                LastApplied.set(object, false);
            }
            ObjectNode created;
            try {
                created = Creation.create(ctx, item.type(), item.namespace(), object, dryRun, options);
            } catch (StatusException e) {
                errors.add(e, "creating", item.source());
                continue;
            }
            if (yaml && printed > 0) {
                ctx.out().append("---\n");
            }
            OutputFlags.print(ctx, flags, List.of(created), "created" + dryRun.suffix());
            printed++;
        }
        errors.throwIfAny();
    }
}
