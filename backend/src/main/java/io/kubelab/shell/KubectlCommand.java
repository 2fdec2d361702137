package io.kubelab.shell;

import io.kubelab.cluster.SimCluster;
import io.kubelab.kubectl.Kubectl;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.Workstation;

import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl}: our kubectl 1.32 against the sandbox's API server, reading files and the kubeconfig
 * from the machine the shell is on (the workstation, or a node after {@code ssh}).
 */
final class KubectlCommand implements Filter {

    /** Where the student's kubeconfig lives; a copy of kubeadm's admin.conf, as course machines have. */
    static final String KUBECONFIG = "/home/" + Sessions.STUDENT + "/.kube/config";

    @Override
    public CommandResult filter(Shell shell, List<String> args, String stdin) {
        SimCluster cluster = shell.cluster().orElse(null);
        if (cluster == null) {
            return CommandResult.failure("The connection to the server localhost:8080 was refused - did you "
                    + "specify the right host or port?\n", 1);
        }
        KubectlContext ctx = new KubectlContext(cluster.api(), cluster.clock(),
                new SessionWorkstation(shell.sessions().current()), stdin);
        Kubectl.Result result = Kubectl.run(ctx, args);
        return new CommandResult(result.stdout(), result.stderr(), result.exitCode());
    }

    /** Gives the workstation the admin kubeconfig of the cluster's first control-plane node. */
    static void seedKubeconfig(Shell shell) {
        shell.cluster().ifPresent(cluster -> cluster.hosts().stream()
                .map(host -> host.files().read("/etc/kubernetes/admin.conf"))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(conf -> {
                    MachineFiles files = shell.sessions().current().files;
                    files.stored().mkdirs(io.kubelab.cluster.NodeFiles.parent(KUBECONFIG));
                    files.write(KUBECONFIG, conf);
                }));
    }

    /** The shell's current machine as kubectl sees it. */
    private record SessionWorkstation(Sessions.Session session) implements Workstation {

        @Override
        public Optional<String> read(String path) {
            return session.files.read(Paths.resolve(session, path));
        }

        @Override
        public boolean isDirectory(String path) {
            return session.files.isDirectory(Paths.resolve(session, path));
        }

        @Override
        public List<String> list(String path) {
            return session.files.children(Paths.resolve(session, path));
        }

        @Override
        public void write(String path, String content) throws java.io.IOException {
            try {
                session.files.write(Paths.resolve(session, path), content);
            } catch (IllegalArgumentException e) {
                throw new java.io.IOException(e.getMessage(), e);
            }
        }

        @Override
        public String env(String name) {
            return session.env.get(name);
        }

        @Override
        public String home() {
            return session.home;
        }
    }
}
