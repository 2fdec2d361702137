package io.kubelab.kubectl.get;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.printers.IncludeObject;
import io.kubelab.apiserver.printers.TablePrinters;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.print.TableOptions;
import io.kubelab.kubectl.print.TableStream;
import io.kubelab.kubectl.resource.ResourceArgs;
import io.kubelab.model.ResourceType;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl get -w} and {@code --watch-only}: the list, then a row for every change the watch reports,
 * while one more minute of simulated time runs (the cluster does its work meanwhile), as if the student
 * watched for a minute and pressed Ctrl-C.
 */
final class GetWatch {

    static final Duration WATCH_FOR = Duration.ofMinutes(1);

    private GetWatch() {
    }

    static void run(KubectlContext ctx, GetRequest request) throws KubectlException {
        List<ResourceArgs.Target> targets = ResourceArgs.parse(request.args());
        if (targets.size() != 1 || !request.filenames().isEmpty()) {
            throw KubectlException.error("watch is only supported on individual resources and resource collections, "
                    + "but " + Math.max(targets.size(), 2) + " resources were found");
        }
        ResourceArgs.Target target = targets.get(0);
        ResourceType type = target.type();
        String namespace = !type.namespaced() || request.allNamespaces() ? "" : ctx.namespace();
        String fields = target.name() == null ? request.fieldSelector()
                : join(request.fieldSelector(), "metadata.name=" + target.name());
        RequestOptions options = RequestOptions.DEFAULT.withSelectors(request.labelSelector(), fields);
        boolean events = request.flags().bool("output-watch-events");
        TableStream stream = new TableStream(HumanTables.groupKind(type), type.namespaced(), TableOptions.plain()
                .withWide(request.output().equals("wide"))
                .withNoHeaders(request.flags().bool("no-headers"))
                .withShowLabels(request.flags().bool("show-labels"))
                .withLabelColumns(request.flags().strings("label-columns"))
                .withNamespaceColumn(request.allNamespaces()));
        ObjectNode list;
        try {
            list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, type, namespace, "")
                    .withOptions(options.withSharedObjects())).body();
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        if (!request.flags().bool("watch-only")) {
            List<ObjectNode> items = new ArrayList<>();
            list.path("items").forEach(i -> items.add((ObjectNode) i));
            if (!items.isEmpty()) {
                ctx.out().append(stream.next(TablePrinters.table(type, items, ctx.now(), IncludeObject.OBJECT),
                        events ? "ADDED" : ""));
            }
        }
        List<WatchEvent> seen = new ArrayList<>();
        Store.Watch watch = ctx.api().watch(ApiRequest.of(ctx.user(), ApiRequest.Verb.WATCH, type, namespace, "")
                .withOptions(options.withResourceVersion(list.path("metadata").path("resourceVersion").asText(), false)),
                seen::add);
        try {
            ctx.waitFor(() -> {
                while (!seen.isEmpty()) {
                    WatchEvent event = seen.remove(0);
                    if (event.type() == WatchEvent.Type.BOOKMARK) {
                        continue;
                    }
                    ctx.out().append(stream.next(TablePrinters.table(type, List.of(event.object()), ctx.now(),
                            IncludeObject.OBJECT), events ? event.type().name() : ""));
                }
                return false;
            }, WATCH_FOR);
        } finally {
            watch.stop();
        }
    }

    private static String join(String selector, String term) {
        return selector.isEmpty() ? term : selector + "," + term;
    }
}
