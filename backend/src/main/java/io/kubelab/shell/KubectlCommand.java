package io.kubelab.shell;

import io.kubelab.apiserver.StatusException;
import io.kubelab.cluster.SimCluster;
import io.kubelab.kubectl.Kubectl;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.Workstation;
import io.kubelab.kubectl.edit.EditCommand;
import io.kubelab.kubectl.edit.EditRequest;
import io.kubelab.kubectl.edit.EditorHost;

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
        Sessions.Session session = shell.sessions().current();
        // Only the browser terminal can show kubectl edit's file: elsewhere edit fails as without an editor.
        Workstation workstation = shell.terminal()
                ? new TerminalWorkstation(session, shell, cluster, title(args)) : new SessionWorkstation(session);
        KubectlContext ctx = new KubectlContext(cluster.api(), cluster.clock(), workstation, stdin);
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

    private static String title(List<String> args) {
        return args.isEmpty() ? "kubectl" : "kubectl " + String.join(" ", args);
    }

    /**
     * The browser terminal's machine: {@code kubectl edit} opens the terminal's editor; saving it applies
     * the text in a fresh context of the same machine, as kubectl does once its editor exits.
     */
    private static final class TerminalWorkstation extends SessionWorkstation implements EditorHost {

        private final Shell shell;
        private final SimCluster cluster;
        private final String title;

        TerminalWorkstation(Sessions.Session session, Shell shell, SimCluster cluster, String title) {
            super(session);
            this.shell = shell;
            this.cluster = cluster;
            this.title = title;
        }

        @Override
        public boolean openEditor(EditRequest request) {
            return shell.openEditor(edit(cluster, session, title, request));
        }
    }

    private static EditorFile edit(SimCluster cluster, Sessions.Session session, String title, EditRequest request) {
        java.util.function.Function<String, EditorFile.Closed> save = edited -> {
            KubectlContext ctx = new KubectlContext(cluster.api(), cluster.clock(), new SessionWorkstation(session), null);
            int code = 0;
            EditRequest next = null;
            try {
                next = EditCommand.finish(ctx, request, edited).orElse(null);
            } catch (KubectlException e) {
                ctx.err().append(e.stderr());
                code = e.exitCode();
            } catch (StatusException e) {
                ctx.err().append(ServerErrors.text(e.status()));
                code = 1;
            }
            return new EditorFile.Closed(new CommandResult(ctx.out().toString(), ctx.err().toString(), code),
                    next == null ? null : edit(cluster, session, title, next));
        };
        // Quitting leaves the file as it was opened: kubectl reads it back unchanged.
        return new EditorFile(title, request.text(), save, () -> save.apply(request.text()));
    }

    /** The shell's current machine as kubectl sees it. */
    private static class SessionWorkstation implements Workstation {

        final Sessions.Session session;

        SessionWorkstation(Sessions.Session session) {
            this.session = session;
        }

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
