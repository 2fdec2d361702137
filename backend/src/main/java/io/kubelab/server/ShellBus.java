package io.kubelab.server;

import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Completion;
import io.kubelab.tenancy.SandboxHost;
import io.kubelab.tenancy.TerminalResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries shell requests over the clustered event bus to the member that hosts a sandbox, so a
 * terminal or API call that lands on any member reaches the one shell of that sandbox.
 *
 * <p>{@code sandbox.<id>.shell} takes {@code {"type":"exec","line":...}} (answers
 * {@code {"stdout","stderr","exitCode"}}), {@code {"type":"history"}} (answers {@code {"history":[...]}}) and
 * {@code {"type":"complete","line":...,"cursor":N}} (Tab: answers {@code {"candidates":[...],"display":[...],
 * "descriptions":[...],"replace":{"from":F,"to":T},"space":true}}, see docs/ARCHITECTURE.md); browsers reach it
 * through the SockJS bridge. The browser terminal's exec adds {@code "terminal":true}: then {@code vi FILE} and
 * {@code kubectl edit} answer {@code "edit":{"id","title","text"}}, an editor to show, closed by
 * {@code {"type":"save","id":...,"text":...}} or {@code {"type":"quit","id":...}} (answered as an exec, with
 * another {@code "edit"} when kubectl reopens its file). {@code kubelab.sandbox.<id>.control} stops the sandbox
 * and is never bridged.
 */
final class ShellBus {

    static final int NO_SUCH_REQUEST = 400;
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final SandboxHost host;
    private final Map<String, List<MessageConsumer<JsonObject>>> consumers = new ConcurrentHashMap<>();
    /** Each sandbox's commands, one at a time in arrival order, so a terminal's lines keep their order. */
    private final SandboxQueues queues;

    private final KubeBus kube;

    ShellBus(Vertx vertx, SandboxHost host, KubeBus kube, SandboxQueues queues) {
        this.queues = queues;
        this.vertx = vertx;
        this.host = host;
        this.kube = kube;
    }

    static String shellAddress(String id) {
        return "sandbox." + id + ".shell";
    }

    static String controlAddress(String id) {
        return "kubelab.sandbox." + id + ".control";
    }

    /** Starts hosting {@code id} on this member; completes once its addresses are known cluster-wide. */
    Future<Void> serve(String id, io.kubelab.cluster.ClusterSpec cluster) {
        // Building a cluster takes a fraction of a millisecond, but the first one after start may wait for the
        // template install: never on an event loop.
        return vertx.executeBlocking(() -> {
            host.start(id, cluster);
            return null;
        }).compose(started -> listen(id));
    }

    private Future<Void> listen(String id) {
        MessageConsumer<JsonObject> shell = vertx.eventBus().consumer(shellAddress(id), msg -> onShell(id, msg));
        MessageConsumer<JsonObject> control = vertx.eventBus().consumer(controlAddress(id), msg -> {
            stopLocally(id);
            msg.reply(new JsonObject().put("stopped", true));
        });
        MessageConsumer<JsonObject> kubeApi = kube.listen(id);
        consumers.put(id, List.of(shell, control, kubeApi));
        return Future.all(shell.completion(), control.completion(), kubeApi.completion()).mapEmpty();
    }

    Future<CommandResult> exec(String id, String line) {
        return vertx.eventBus().<JsonObject>request(shellAddress(id),
                        new JsonObject().put("type", "exec").put("line", line),
                        new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
                .map(reply -> new CommandResult(reply.body().getString("stdout"), reply.body().getString("stderr"),
                        reply.body().getInteger("exitCode")));
    }

    /** Stops the sandbox wherever it runs; a sandbox no member hosts any more counts as stopped. */
    Future<Void> stop(String id) {
        return vertx.eventBus().request(controlAddress(id), new JsonObject())
                .<Void>mapEmpty()
                .recover(err -> err instanceof ReplyException ? Future.succeededFuture() : Future.failedFuture(err));
    }

    private void stopLocally(String id) {
        List<MessageConsumer<JsonObject>> registered = consumers.remove(id);
        if (registered != null) {
            registered.forEach(MessageConsumer::unregister);
        }
        host.stop(id);
        queues.remove(id);
    }

    private void onShell(String id, Message<JsonObject> msg) {
        JsonObject body = msg.body();
        String type = body == null ? null : body.getString("type");
        if ("exec".equals(type) && body.getValue("line") instanceof String line && body.getBoolean("terminal", false)) {
            inOrder(id, msg, () -> reply(id, msg, host.executeInTerminal(id, line)));
        } else if ("save".equals(type) && body.getValue("id") instanceof String editor
                && body.getValue("text") instanceof String text) {
            inOrder(id, msg, () -> reply(id, msg, host.save(id, editor, text)));
        } else if ("quit".equals(type) && body.getValue("id") instanceof String editor) {
            inOrder(id, msg, () -> reply(id, msg, host.quit(id, editor)));
        } else if ("exec".equals(type) && body.getValue("line") instanceof String line) {
            // A command can move simulated time a long way (sim settle, sim advance 1h): it runs on a worker,
            // never on the event loop every other sandbox on this member shares.
            inOrder(id, msg, () -> host.execute(id, line).ifPresentOrElse(
                    r -> msg.reply(new JsonObject().put("stdout", r.stdout()).put("stderr", r.stderr())
                            .put("exitCode", r.exitCode()).put("prompt", host.prompt(id).orElse(null))),
                    () -> msg.fail(404, "sandbox " + id + " is not running here")));
        } else if ("history".equals(type)) {
            inOrder(id, msg, () -> host.history(id).ifPresentOrElse(
                    lines -> msg.reply(new JsonObject().put("history", new JsonArray(lines))
                            .put("prompt", host.prompt(id).orElse(null))),
                    () -> msg.fail(404, "sandbox " + id + " is not running here")));
        } else if ("complete".equals(type) && body.getValue("line") instanceof String line) {
            // In line with the commands: a name created by the command before the Tab is offered.
            int cursor = body.getValue("cursor") instanceof Integer at ? at : line.length();
            inOrder(id, msg, () -> host.complete(id, line, cursor).ifPresentOrElse(
                    r -> msg.reply(completion(r)),
                    () -> msg.fail(404, "sandbox " + id + " is not running here")));
        } else {
            msg.fail(NO_SUCH_REQUEST, "expected {\"type\":\"exec\",\"line\":\"...\"}, {\"type\":\"history\"}, "
                    + "{\"type\":\"complete\",\"line\":\"...\",\"cursor\":N}, "
                    + "{\"type\":\"save\",\"id\":\"...\",\"text\":\"...\"} or {\"type\":\"quit\",\"id\":\"...\"}");
        }
    }

    /** Answers the browser terminal: the output and prompt, and the editor to show if one opened. */
    private void reply(String id, Message<JsonObject> msg, java.util.Optional<TerminalResult> answer) {
        answer.ifPresentOrElse(t -> {
            CommandResult r = t.result();
            JsonObject reply = new JsonObject().put("stdout", r.stdout()).put("stderr", r.stderr())
                    .put("exitCode", r.exitCode()).put("prompt", host.prompt(id).orElse(null));
            if (t.editor() != null) {
                reply.put("edit", new JsonObject().put("id", t.editor().id()).put("title", t.editor().title())
                        .put("text", t.editor().text()));
            }
            msg.reply(reply);
        }, () -> msg.fail(404, "sandbox " + id + " is not running here"));
    }

    static JsonObject completion(Completion.Result r) {
        return new JsonObject().put("candidates", new JsonArray(r.candidates()))
                .put("display", new JsonArray(r.display()))
                .put("descriptions", new JsonArray(r.descriptions()))
                .put("replace", new JsonObject().put("from", r.from()).put("to", r.to()))
                .put("space", r.space());
    }

    private void inOrder(String id, Message<JsonObject> msg, Runnable work) {
        queues.submit(id, () -> {
            work.run();
            return null;
        }).onFailure(err -> {
            if (err instanceof SandboxQueues.Full) {
                msg.fail(429, "too many commands waiting for this sandbox; try again in a moment");
            } else {
                org.slf4j.LoggerFactory.getLogger(ShellBus.class).error("sandbox {}: a request failed", id, err);
                msg.fail(500, "the sandbox could not run this request");
            }
        });
    }
}
