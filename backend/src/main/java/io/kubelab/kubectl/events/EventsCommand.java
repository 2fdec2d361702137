package io.kubelab.kubectl.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.cli.TabWriter;
import io.kubelab.kubectl.resource.ResourceArgs;
import io.kubelab.model.HumanDuration;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl events}: core/v1 Events of a namespace (or all), optionally of one object
 * ({@code --for}) or of some types, oldest first, as kubectl's event printer shows them.
 */
public final class EventsCommand extends Command {

    private static final ResourceType EVENT = ResourceTypes.of("v1", "Event");

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String summary() {
        return "List events";
    }

    @Override
    public String description() {
        return "Display events.\n\n Prints a table of the most important information about events. You can request "
                + "events for a namespace, for all namespace, or filtered to only those pertaining to a specified "
                + "resource.";
    }

    @Override
    public String usage() {
        return "kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath"
                + "|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]";
    }

    @Override
    public String examples() {
        return """
                  # List recent events in the default namespace
                  kubectl events

                  # List recent events in all namespaces
                  kubectl events --all-namespaces

                  # List recent events for the specified pod
                  kubectl events --for pod/web-pod-13je7

                  # List only the Warning events
                  kubectl events --types=Warning""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet())
                .add(Flag.bool("all-namespaces", "A", false, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."))
                .add(Flag.int64("chunk-size", "", 500, "Return large lists in chunks rather than all at once. Pass 0 to disable."))
                .add(Flag.string("for", "", "", "Filter events to only those pertaining to the specified resource."))
                .add(Flag.bool("no-headers", "", false, "When using the default output format, don't print headers."))
                .add(Flag.stringSlice("types", "", "Output only events of given types."))
                .add(Flag.bool("watch", "w", false, "After listing the requested events, watch for more events."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        for (String type : flags.strings("types")) {
            if (!type.equalsIgnoreCase("Normal") && !type.equalsIgnoreCase("Warning")) {
                throw KubectlException.error("valid --types are Normal or Warning");
            }
        }
        boolean all = flags.bool("all-namespaces");
        String fieldSelector = forSelector(flags.string("for"));
        ObjectNode list;
        try {
            list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, EVENT, all ? "" : ctx.namespace(), "")
                    .withOptions(RequestOptions.DEFAULT.withSelectors("", fieldSelector))).body();
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        List<ObjectNode> events = new ArrayList<>();
        for (JsonNode e : list.path("items")) {
            if (wanted(flags.strings("types"), e.path("type").asText())) {
                ObjectNode typed = e.deepCopy();
                typed.put("apiVersion", "v1").put("kind", "Event");
                events.add(typed);
            }
        }
        if (events.isEmpty()) {
            ctx.err().append(all ? "No events found.\n" : "No events found in " + ctx.namespace() + " namespace.\n");
            return;
        }
        // events.go's sort.Sort: unstable beyond 12 events, so ties (events of one second) keep Go's order.
        io.kubelab.kubectl.go.GoSort.sort(events, Comparator.comparing(EventsCommand::time));
        String output = flags.string(OutputFlags.OUTPUT);
        if (output.equals("json")) {
            // The printer drops managedFields unless --show-managed-fields, as for every -o json.
            boolean managed = flags.changed("show-managed-fields") && flags.bool("show-managed-fields");
            ObjectNode eventList = EventList.of(events);
            ctx.out().append(io.kubelab.kubectl.print.JsonPrinter.printInOrder(managed ? eventList
                    : (ObjectNode) io.kubelab.kubectl.print.OmitManagedFields.omit(eventList)));
            return;
        }
        if (output.equals("name")) {
            // kubectl's name printer finds no kind on the items of the EventList it built: it prints nothing.
            return;
        }
        if (!output.isEmpty()) {
            ctx.out().append(io.kubelab.kubectl.ObjectFormats.print(ctx, output, flags, List.of(EventList.of(events)),
                    true));
            return;
        }
        TabWriter table = new TabWriter();
        if (!flags.bool("no-headers")) {
            table.row(all ? new String[]{"NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"}
                    : new String[]{"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"});
        }
        Instant now = ctx.now();
        for (ObjectNode e : events) {
            List<String> cells = new ArrayList<>();
            if (all) {
                cells.add(e.path("metadata").path("namespace").asText());
            }
            cells.add(interval(e, now));
            cells.add(cell(e.path("type").asText()));
            cells.add(cell(e.path("reason").asText()));
            cells.add(cell(e.path("involvedObject").path("kind").asText()) + "/"
                    + cell(e.path("involvedObject").path("name").asText()));
            cells.add(cell(e.path("message").asText().strip()));
            table.row(cells.toArray(String[]::new));
        }
        ctx.out().append(table.flush());
    }

    private static String forSelector(String target) throws KubectlException {
        if (target.isEmpty()) {
            return "";
        }
        int slash = target.indexOf('/');
        if (slash < 0) {
            throw KubectlException.error("--for must be in resource/name form");
        }
        if (target.indexOf('/', slash + 1) >= 0) {
            throw KubectlException.error("arguments in resource/name form may not have more than one slash");
        }
        if (slash == 0) {
            throw KubectlException.error("a resource must be present, got: /, Resource=");
        }
        String word = target.substring(0, slash);
        if (ResourceTypes.lookup(word).isEmpty()) {
            // CheckErr prints a RESTMapper miss as it is, without "error: ".
            throw new KubectlException("the server doesn't have a resource type \"" + word + "\"\n", 1);
        }
        ResourceType type = ResourceArgs.type(word).get(0);
        return "involvedObject.kind=" + type.kind() + ",involvedObject.name=" + target.substring(slash + 1);
    }

    private static boolean wanted(List<String> types, String type) {
        return types.isEmpty() || types.stream().anyMatch(t -> t.equalsIgnoreCase(type));
    }

    /** What kubectl sorts events by: the series' last observation, else the last timestamp, else the event time. */
    private static Instant time(ObjectNode e) {
        JsonNode series = e.path("series").path("lastObservedTime");
        String text = !series.asText("").isEmpty() ? series.asText()
                : !e.path("lastTimestamp").asText("").isEmpty() ? e.path("lastTimestamp").asText()
                : e.path("eventTime").asText("");
        return text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
    }

    private static String interval(ObjectNode e, Instant now) {
        String first = since(e.path("eventTime"), now);
        if (e.path("eventTime").asText("").isEmpty()) {
            first = since(e.path("firstTimestamp"), now);
        }
        if (e.path("series").isObject()) {
            return since(e.path("series").path("lastObservedTime"), now) + " (x" + e.path("series").path("count").asLong()
                    + " over " + first + ")";
        }
        long count = e.path("count").asLong(0);
        if (count > 1) {
            return since(e.path("lastTimestamp"), now) + " (x" + count + " over " + first + ")";
        }
        return first;
    }

    private static String since(JsonNode time, Instant now) {
        String text = time.asText("");
        return text.isEmpty() ? "<unknown>" : HumanDuration.since(Instant.parse(text), now);
    }

    /** kubectl's escapeCell: cut at the first line break (then "..."), ESC shown as {@code ^[} so it cannot drive the terminal. */
    private static String cell(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\f') {
                s = s.substring(0, i) + "...";
                break;
            }
        }
        return s.indexOf('\u001b') < 0 ? s : s.replace("\u001b", "^[");
    }
}
