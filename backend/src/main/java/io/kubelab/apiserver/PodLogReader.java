package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code log} subresource: the pod REST's container choice and the kubelet's checks (a container
 * still waiting, no previous instance), in their words; then the lines, cut by tail, since and limit, with
 * timestamps if asked.
 */
final class PodLogReader {

    private PodLogReader() {
    }

    static void validate(String pod, LogOptions options) {
        List<Status.Cause> causes = new ArrayList<>();
        if (options.tailLines().isPresent() && options.tailLines().getAsLong() < 0) {
            causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: " + options.tailLines().getAsLong()
                    + ": must be greater than or equal to 0", "tailLines"));
        }
        if (options.limitBytes().isPresent() && options.limitBytes().getAsLong() < 1) {
            causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: " + options.limitBytes().getAsLong()
                    + ": must be greater than 0", "limitBytes"));
        }
        if (options.sinceSeconds().isPresent() && options.sinceTime().isPresent()) {
            causes.add(new Status.Cause("FieldValueForbidden",
                    "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified", ""));
        } else if (options.sinceSeconds().isPresent() && options.sinceSeconds().getAsLong() < 1) {
            causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: " + options.sinceSeconds().getAsLong()
                    + ": must be greater than 0", "sinceSeconds"));
        }
        if (!causes.isEmpty()) {
            throw new StatusException(Status.invalid("", "PodLogOptions", pod, causes));
        }
    }

    /** The container the request means, or a BadRequest naming the choices. */
    static String container(ObjectNode pod, String requested) {
        String name = ObjectMeta.name(pod);
        List<String> all = new ArrayList<>();
        for (String list : new String[]{"initContainers", "containers", "ephemeralContainers"}) {
            pod.path("spec").path(list).forEach(c -> all.add(c.path("name").asText()));
        }
        JsonNode containers = pod.path("spec").path("containers");
        if (requested.isEmpty()) {
            if (containers.size() == 1) {
                return containers.get(0).path("name").asText();
            }
            if (containers.isEmpty()) {
                throw new StatusException(Status.badRequest("a container name must be specified for pod " + name));
            }
            throw new StatusException(Status.badRequest("a container name must be specified for pod " + name
                    + ", choose one of: [" + String.join(" ", all) + "]"));
        }
        if (!all.contains(requested)) {
            throw new StatusException(Status.badRequest("container " + requested + " is not valid for pod " + name));
        }
        return requested;
    }

    /**
     * Which instance's log the kubelet reads ({@code true}: the previous, terminated one), in the order of
     * its {@code validateContainerLogStatus}; or its refusal, in its words.
     */
    static boolean instance(ObjectNode pod, String container, boolean previous) {
        String name = ObjectMeta.name(pod);
        JsonNode status = containerStatus(pod, container).orElseThrow(() -> new StatusException(Status.badRequest(
                "container \"" + container + "\" in pod \"" + name + "\" is not available")));
        JsonNode state = status.path("state");
        boolean lastTerminated = status.path("lastState").has("terminated");
        if (previous) {
            if (!lastTerminated) {
                throw new StatusException(Status.badRequest("previous terminated container \"" + container
                        + "\" in pod \"" + name + "\" not found"));
            }
            return true;
        }
        if (state.has("running") || state.has("terminated")) {
            return false;
        }
        if (lastTerminated) {
            return true; // crash-looping: the last run's output is what there is to see
        }
        if (state.has("waiting")) {
            String reason = state.path("waiting").path("reason").asText("");
            String why = switch (reason) {
                case "ErrImagePull" -> "image can't be pulled";
                case "ImagePullBackOff" -> "trying and failing to pull image";
                default -> reason;
            };
            throw new StatusException(Status.badRequest("container \"" + container + "\" in pod \"" + name
                    + "\" is waiting to start: " + why));
        }
        throw new StatusException(Status.badRequest("container \"" + container + "\" in pod \"" + name
                + "\" is waiting to start - no logs yet"));
    }

    private static Optional<JsonNode> containerStatus(ObjectNode pod, String container) {
        for (String list : new String[]{"initContainerStatuses", "containerStatuses", "ephemeralContainerStatuses"}) {
            for (JsonNode status : pod.path("status").path(list)) {
                if (status.path("name").asText().equals(container)) {
                    return Optional.of(status);
                }
            }
        }
        return Optional.empty();
    }

    /** The text a log request answers with. */
    static String render(List<PodLogs.Line> lines, LogOptions options, Instant now) {
        List<PodLogs.Line> chosen = select(lines, options, now);
        StringBuilder out = new StringBuilder();
        for (PodLogs.Line line : chosen) {
            out.append(format(line, options));
        }
        String text = out.toString();
        if (options.limitBytes().isPresent()) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            long limit = options.limitBytes().getAsLong();
            if (bytes.length > limit) {
                text = new String(bytes, 0, (int) limit, StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    static List<PodLogs.Line> select(List<PodLogs.Line> lines, LogOptions options, Instant now) {
        Optional<Instant> since = options.sinceTime().or(() -> options.sinceSeconds().isPresent()
                ? Optional.of(now.minusSeconds(options.sinceSeconds().getAsLong())) : Optional.empty());
        List<PodLogs.Line> out = new ArrayList<>();
        for (PodLogs.Line line : lines) {
            if (since.isEmpty() || !line.time().isBefore(since.get())) {
                out.add(line);
            }
        }
        if (options.tailLines().isPresent() && out.size() > options.tailLines().getAsLong()) {
            out = out.subList(out.size() - (int) options.tailLines().getAsLong(), out.size());
        }
        return out;
    }

    /** RFC 3339 with nanoseconds, as the kubelet prefixes lines for {@code --timestamps}. */
    static String format(PodLogs.Line line, LogOptions options) {
        return options.timestamps() ? rfc3339Nano(line.time()) + " " + line.text() + "\n" : line.text() + "\n";
    }

    /** Go's {@code time.RFC3339Nano}: the fraction's trailing zeros dropped, and no fraction when it is zero. */
    static String rfc3339Nano(Instant time) {
        String seconds = ObjectMeta.time(time);
        int nanos = time.getNano();
        if (nanos == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
        return seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
    }

    static Consumer<PodLogs.Line> following(LogOptions options, Consumer<String> sink) {
        return line -> sink.accept(format(line, options));
    }
}
