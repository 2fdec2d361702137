package io.kubelab.kubectl.config;

import io.kubelab.kubectl.Help;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;

/** The kubeconfig entry subcommands: get-, delete- and set- of clusters and users, and rename-context. */
final class EntryCommands {

    private EntryCommands() {
    }

    static ConfigSub getClusters() {
        return lister("get-clusters", "Display clusters defined in the kubeconfig", ConfigFile.CLUSTERS,
                "  # List the clusters that kubectl knows about\n  kubectl config get-clusters");
    }

    static ConfigSub getUsers() {
        return lister("get-users", "Display users defined in the kubeconfig", ConfigFile.USERS,
                "  # List the users that kubectl knows about\n  kubectl config get-users");
    }

    private static ConfigSub lister(String name, String summary, String list, String examples) {
        return ConfigSub.of(name, summary, "kubectl config " + name + " [options]", examples, new FlagSet(),
                (ctx, flags, self) -> {
                    ctx.out().append("NAME\n");
                    ConfigFile.of(ctx).names(list).forEach(n -> ctx.out().append(n).append('\n'));
                });
    }

    static ConfigSub deleteCluster() {
        return deleter("delete-cluster", "Delete the specified cluster from the kubeconfig", ConfigFile.CLUSTERS,
                "cluster", "  # Delete the minikube cluster\n  kubectl config delete-cluster minikube");
    }

    static ConfigSub deleteUser() {
        return deleter("delete-user", "Delete the specified user from the kubeconfig", ConfigFile.USERS, "user",
                "  # Delete the minikube user\n  kubectl config delete-user minikube");
    }

    static ConfigSub deleteContext() {
        return deleter("delete-context", "Delete the specified context from the kubeconfig", ConfigFile.CONTEXTS,
                "context", "  # Delete the context for the minikube cluster\n  kubectl config delete-context minikube");
    }

    private static ConfigSub deleter(String name, String summary, String list, String what, String examples) {
        String upper = what.toUpperCase(java.util.Locale.ROOT);
        return ConfigSub.of(name, summary, "kubectl config " + name + " " + upper + "_NAME [options]", examples,
                new FlagSet(), (ctx, flags, self) -> {
                    if (flags.args().size() != 1) {
                        // kubectl shows delete-context's and delete-cluster's help and succeeds; delete-user refuses.
                        if (list.equals(ConfigFile.USERS)) {
                            throw KubectlException.usageHelp(ctx.commandPath(), "user to delete is required");
                        }
                        ctx.out().append(Help.text(ctx.commandPath(), self));
                        return;
                    }
                    String target = flags.args().get(0);
                    ConfigFile file = ConfigFile.of(ctx);
                    if (!file.remove(list, target)) {
                        throw KubectlException.error("cannot delete " + what + " " + target + ", not in " + file.path());
                    }
                    file.save(ctx);
                    if (list.equals(ConfigFile.CONTEXTS) && target.equals(file.currentContext())) {
                        ctx.err().append("warning: this removed your active context, use \"kubectl config use-context\" "
                                + "to select a different one\n");
                    }
                    ctx.out().append("deleted ").append(what).append(' ').append(target).append(" from ")
                            .append(file.path()).append('\n');
                });
    }

    static ConfigSub renameContext() {
        return ConfigSub.of("rename-context", "Rename a context from the kubeconfig file",
                "kubectl config rename-context CONTEXT_NAME NEW_NAME [options]",
                "  # Rename the context 'old-name' to 'new-name' in your kubeconfig file\n"
                        + "  kubectl config rename-context old-name new-name", new FlagSet(), (ctx, flags, self) -> {
                    if (flags.args().size() != 2) {
                        throw self.unexpectedArgs(ctx, flags);
                    }
                    String from = flags.args().get(0);
                    String to = flags.args().get(1);
                    ConfigFile file = ConfigFile.of(ctx);
                    var entry = file.entry(ConfigFile.CONTEXTS, from);
                    if (entry.isEmpty()) {
                        throw KubectlException.error("cannot rename the context \"" + from + "\", it's not in "
                                + file.path());
                    }
                    if (file.entry(ConfigFile.CONTEXTS, to).isPresent()) {
                        throw KubectlException.error("cannot rename the context \"" + from + "\", the context \"" + to
                                + "\" already exists in " + file.path());
                    }
                    entry.get().put("name", to);
                    if (file.currentContext().equals(from)) {
                        file.setCurrentContext(to);
                    }
                    file.save(ctx);
                    ctx.out().append("Context \"").append(from).append("\" renamed to \"").append(to).append("\".\n");
                });
    }

    static ConfigSub setCluster() {
        FlagSet flags = new FlagSet()
                .add(Flag.string("certificate-authority", "", "", "Path to certificate-authority file for the cluster entry in kubeconfig"))
                .add(Flag.bool("embed-certs", "", false, "embed-certs for the cluster entry in kubeconfig"))
                .add(Flag.bool("insecure-skip-tls-verify", "", false, "insecure-skip-tls-verify for the cluster entry in kubeconfig"))
                .add(Flag.string("proxy-url", "", "", "proxy-url for the cluster entry in kubeconfig"))
                .add(Flag.string("server", "", "", "server for the cluster entry in kubeconfig"))
                .add(Flag.string("tls-server-name", "", "", "tls-server-name for the cluster entry in kubeconfig"));
        return setter("set-cluster", "Set a cluster entry in kubeconfig", ConfigFile.CLUSTERS, "Cluster",
                "kubectl config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] "
                        + "[--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]",
                "  # Set only the server field on the e2e cluster entry without touching other values\n"
                        + "  kubectl config set-cluster e2e --server=https://1.2.3.4", flags);
    }

    static ConfigSub setCredentials() {
        FlagSet flags = new FlagSet()
                .add(Flag.string("client-certificate", "", "", "Path to client-certificate file for the user entry in kubeconfig"))
                .add(Flag.string("client-key", "", "", "Path to client-key file for the user entry in kubeconfig"))
                .add(Flag.bool("embed-certs", "", false, "Embed client cert/key for the user entry in kubeconfig"))
                .add(Flag.string("password", "", "", "password for the user entry in kubeconfig"))
                .add(Flag.string("token", "", "", "token for the user entry in kubeconfig"))
                .add(Flag.string("username", "", "", "username for the user entry in kubeconfig"));
        return setter("set-credentials", "Set a user entry in kubeconfig", ConfigFile.USERS, "User",
                "kubectl config set-credentials NAME [--client-certificate=path/to/certfile] "
                        + "[--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] "
                        + "[--password=basic_password] [options]",
                "  # Set only the \"client-key\" field on the \"cluster-admin\"\n  # entry, without touching other values\n"
                        + "  kubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key", flags);
    }

    private static ConfigSub setter(String name, String summary, String list, String noun, String usage,
                                    String examples, FlagSet flags) {
        return ConfigSub.of(name, summary, usage, examples, flags, (ctx, parsed, self) -> {
            if (parsed.args().size() != 1) {
                throw list.equals(ConfigFile.USERS) ? self.helpError(ctx, "unexpected args: " + ConfigSub.goList(parsed.args()))
                        : self.unexpectedArgs(ctx, parsed);
            }
            String target = parsed.args().get(0);
            ConfigFile file = ConfigFile.of(ctx);
            var body = file.body(list, target);
            for (var flag : flags.flags()) {
                if (!parsed.changed(flag.name()) || flag.name().equals("embed-certs")) {
                    continue;
                }
                if (flag.isBool()) {
                    body.put(flag.name(), parsed.bool(flag.name()));
                } else {
                    body.put(flag.name(), parsed.string(flag.name()));
                }
            }
            file.save(ctx);
            ctx.out().append(noun).append(" \"").append(target).append("\" set.\n");
        });
    }
}
