package io.kubelab.server;

import io.kubelab.shell.CommandResult;
import io.kubelab.tenancy.SandboxDirectory;
import io.kubelab.tenancy.SandboxRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Sandbox lifecycle as the routes need it: the cluster-wide directory plus this member's shells. */
final class Sandboxes {

    private final Vertx vertx;
    private final SandboxDirectory directory;
    private final ShellBus shells;
    private final String memberId;

    Sandboxes(Vertx vertx, SandboxDirectory directory, ShellBus shells, String memberId) {
        this.vertx = vertx;
        this.directory = directory;
        this.shells = shells;
        this.memberId = memberId;
    }

    /** Creates a sandbox hosted on this member; completes once it can take commands from any member. */
    Future<SandboxDirectory.Created> create(Optional<String> scenario) {
        return create(scenario, io.kubelab.cluster.ClusterSpec.standard());
    }

    Future<SandboxDirectory.Created> create(Optional<String> scenario, io.kubelab.cluster.ClusterSpec cluster) {
        return vertx(directory.create(scenario, memberId, cluster))
                .compose(created -> shells.serve(created.record().id(), cluster).map(created));
    }

    Future<Optional<SandboxRecord>> find(String id) {
        return vertx(directory.find(id));
    }

    Future<CommandResult> exec(String id, String line) {
        return shells.exec(id, line);
    }

    Future<Void> delete(String id) {
        return vertx(directory.delete(id)).compose(removed -> shells.stop(id));
    }

    private <T> Future<T> vertx(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, vertx.getOrCreateContext());
    }
}
