package io.kubelab.k8sapi;

import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.LogOptions;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET pods/NAME/log}: the container's log as {@code text/plain}, with {@code PodLogOptions} from the
 * query ({@code container}, {@code follow}, {@code previous}, {@code sinceSeconds}, {@code sinceTime},
 * {@code timestamps}, {@code tailLines}, {@code limitBytes}); with {@code follow} a stream of new lines.
 */
final class PodLogRequests {

    /** How long a followed log stays open at most, whatever the client does. */
    private static final Duration FOLLOW_LIMIT = Duration.ofHours(4);

    private final SimCluster cluster;

    PodLogRequests(SimCluster cluster) {
        this.cluster = cluster;
    }

    void serve(KubeRequest request, UserInfo user, ResourceType type, ApiPath path, KubeExchange exchange) {
        LogOptions options = options(request);
        ApiRequest r = new ApiRequest(user, ApiRequest.Verb.GET, type, path.namespace(), path.name(), "log",
                Optional.empty(), ApiRequest.PatchType.NONE, RequestOptions.DEFAULT);
        if (!options.follow()) {
            exchange.reply(KubeResponse.text(200, cluster.api().podLog(r, options)));
            return;
        }
        StringBuilder early = new StringBuilder();
        KubeExchange.Stream[] stream = new KubeExchange.Stream[1];
        Runnable stop = cluster.api().followPodLog(r, options, text -> {
            if (stream[0] == null) {
                early.append(text);
            } else {
                stream[0].send(text.getBytes(StandardCharsets.UTF_8));
            }
        });
        KubeExchange.Stream open = exchange.stream("text/plain", FOLLOW_LIMIT);
        open.onClose(stop);
        if (early.length() > 0) {
            open.send(early.toString().getBytes(StandardCharsets.UTF_8));
        }
        stream[0] = open;
    }

    private static LogOptions options(KubeRequest request) {
        OptionalLong since = optionalLong(request, "sinceSeconds");
        OptionalLong tail = optionalLong(request, "tailLines");
        OptionalLong limit = optionalLong(request, "limitBytes");
        Optional<Instant> sinceTime = Optional.empty();
        String time = request.param("sinceTime");
        if (!time.isEmpty()) {
            try {
                sinceTime = Optional.of(Instant.parse(time));
            } catch (DateTimeParseException e) {
                throw new StatusException(Status.badRequest("parsing time \"" + time + "\" as \"2006-01-02T15:04:05Z07:00\": "
                        + "cannot parse \"" + time + "\" as \"2006\""));
            }
        }
        return new LogOptions(request.param("container"), QueryOptions.truthy(request.param("follow")),
                QueryOptions.truthy(request.param("previous")), since, sinceTime,
                QueryOptions.truthy(request.param("timestamps")), tail, limit);
    }

    private static OptionalLong optionalLong(KubeRequest request, String name) {
        String value = request.param(name);
        return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(QueryOptions.integer(name, value));
    }

}
