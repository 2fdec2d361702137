package io.kubelab.kubectl.config;

import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** current-context, use-context and set-context. */
final class CurrentContextCommand extends ConfigSub {

    @Override
    public String name() {
        return "current-context";
    }

    @Override
    public String summary() {
        return "Display the current-context";
    }

    @Override
    public String usage() {
        return "kubectl config current-context [options]";
    }

    @Override
    public String examples() {
        return "  # Display the current-context\n  kubectl config current-context";
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String current = ConfigFile.of(ctx).currentContext();
        if (current.isEmpty()) {
            throw KubectlException.error("current-context is not set");
        }
        ctx.out().append(current).append('\n');
    }
}

final class UseContextCommand extends ConfigSub {

    @Override
    public String name() {
        return "use-context";
    }

    @Override
    public java.util.List<String> aliases() {
        return java.util.List.of("use");
    }

    @Override
    public String summary() {
        return "Set the current-context in a kubeconfig file";
    }

    @Override
    public String usage() {
        return "kubectl config use-context CONTEXT_NAME [options]";
    }

    @Override
    public String examples() {
        return "  # Use the context for the minikube cluster\n  kubectl config use-context minikube";
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (flags.args().size() != 1) {
            throw unexpectedArgs(ctx, flags);
        }
        String name = flags.args().get(0);
        ConfigFile file = ConfigFile.of(ctx);
        if (file.entry(ConfigFile.CONTEXTS, name).isEmpty()) {
            throw KubectlException.error("no context exists with the name: \"" + name + "\"");
        }
        file.setCurrentContext(name);
        file.save(ctx);
        ctx.out().append("Switched to context \"").append(name).append("\".\n");
    }
}

final class SetContextCommand extends ConfigSub {

    @Override
    public String name() {
        return "set-context";
    }

    @Override
    public String summary() {
        return "Set a context entry in kubeconfig";
    }

    @Override
    public String description() {
        return "Set a context entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top "
                + "of existing values for those fields.";
    }

    @Override
    public String usage() {
        return "kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] "
                + "[--namespace=namespace] [options]";
    }

    @Override
    public String examples() {
        return "  # Set the user field on the gce context entry without touching other values\n"
                + "  kubectl config set-context gce --user=cluster-admin";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.string("cluster", "", "", "cluster for the context entry in kubeconfig"))
                .add(Flag.bool("current", "", false, "Modify the current context"))
                .add(Flag.string("namespace", "", "", "namespace for the context entry in kubeconfig"))
                .add(Flag.string("user", "", "", "user for the context entry in kubeconfig"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        ConfigFile file = ConfigFile.of(ctx);
        boolean current = flags.bool("current");
        if (current && !flags.args().isEmpty()) {
            throw KubectlException.error("you cannot specify both a context name and --current");
        }
        if (!current && flags.args().isEmpty()) {
            throw KubectlException.error("you must specify a non-empty context name or --current");
        }
        if (!current && flags.args().size() != 1) {
            throw unexpectedArgs(ctx, flags);
        }
        String name = current ? file.currentContext() : flags.args().get(0);
        if (current && name.isEmpty()) {
            throw KubectlException.error("no current context is set");
        }
        boolean exists = file.entry(ConfigFile.CONTEXTS, name).isPresent();
        var body = file.body(ConfigFile.CONTEXTS, name);
        for (String field : new String[]{"cluster", "namespace", "user"}) {
            // The global -n/--namespace flag is this command's own --namespace here, as in kubectl.
            if (flags.changed(field)) {
                String value = flags.string(field);
                if (value.isEmpty()) {
                    body.remove(field);
                } else {
                    body.put(field, value);
                }
            }
        }
        file.save(ctx);
        ctx.out().append("Context \"").append(name).append(exists ? "\" modified.\n" : "\" created.\n");
    }
}
