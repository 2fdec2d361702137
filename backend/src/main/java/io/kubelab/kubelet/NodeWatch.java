package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.store.ObjectCache;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The kubelet's view of the API: its own node's pods (a watch with {@code fieldSelector=spec.nodeName=<node>},
 * as the kubelet's pod config source does), and change notices for ConfigMaps and Secrets, which it reads
 * on demand (the kubelet's "Watch" manager strategy, without keeping copies).
 */
final class NodeWatch {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType CONFIG_MAPS = ResourceTypes.of("v1", "ConfigMap");
    static final ResourceType SECRETS = ResourceTypes.of("v1", "Secret");

    private final ApiServer api;
    private final UserInfo user;
    private final String nodeName;
    private ObjectCache pods = new ObjectCache();
    private final List<Store.Watch> watches = new ArrayList<>();

    NodeWatch(ApiServer api, UserInfo user, String nodeName) {
        this.api = api;
        this.user = user;
        this.nodeName = nodeName;
    }

    /** Lists and watches; {@code podChanged} gets every pod key that changed, {@code referenced} namespace and name. */
    void start(PodHandler podChanged, BiConsumer<String, String> referenced) {
        stop();
        RequestOptions mine = RequestOptions.DEFAULT.withSelectors("", "spec.nodeName=" + nodeName);
        watches.add(api.watchShared(ApiRequest.of(user, ApiRequest.Verb.WATCH, PODS, "", "").withOptions(mine), event -> {
            ObjectNode old = event.type() == WatchEvent.Type.BOOKMARK ? null
                    : pods.get(ObjectCache.key(event.object())).orElse(null);
            Optional<String> key = pods.apply(event);
            key.ifPresent(k -> podChanged.changed(k, old, event.type() == WatchEvent.Type.DELETED ? null : event.object()));
        }));
        Consumer<WatchEvent> objects = event -> {
            if (event.type() != WatchEvent.Type.BOOKMARK) {
                ObjectNode o = event.object();
                referenced.accept(o.path("metadata").path("namespace").asText(), o.path("metadata").path("name").asText());
            }
        };
        // Start from now: what already exists needs no notice, a pod's sync reads it anyway.
        String now = Long.toString(api.store().revision());
        for (ResourceType type : List.of(CONFIG_MAPS, SECRETS)) {
            watches.add(api.watch(ApiRequest.of(user, ApiRequest.Verb.WATCH, type, "", "")
                    .withOptions(RequestOptions.DEFAULT.withResourceVersion(now, false)), objects));
        }
    }

    interface PodHandler {
        void changed(String key, ObjectNode old, ObjectNode now);
    }

    void stop() {
        watches.forEach(Store.Watch::stop);
        watches.clear();
        pods = new ObjectCache();
    }

    Optional<ObjectNode> pod(String key) {
        return pods.get(key);
    }

    List<ObjectNode> pods() {
        return pods.list();
    }
}
