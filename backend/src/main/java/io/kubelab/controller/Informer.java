package io.kubelab.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.store.ObjectCache;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * client-go's shared informer in small: one list-and-watch of a resource through the API server into a
 * local cache, telling its handlers the key ({@code namespace/name}) of every object that changed. A
 * handler must only enqueue work: it runs inside the store's write.
 */
public final class Informer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Informer.class);

    private final ResourceType type;
    private final ObjectCache cache = new ObjectCache();
    private final List<Consumer<String>> handlers = new ArrayList<>();
    private final List<Handler> objectHandlers = new ArrayList<>();
    private final Store.Watch watch;

    public Informer(ApiServer api, UserInfo user, ResourceType type) {
        this.type = type;
        this.watch = api.watchShared(ApiRequest.of(user, ApiRequest.Verb.WATCH, type, "", ""), this::onEvent);
    }

    /**
     * client-go's add, update and delete handlers in one: {@code old} is null for an added object,
     * {@code now} is null for a deleted one (and {@code old} its last state).
     */
    public interface Handler {
        void changed(ObjectNode old, ObjectNode now);
    }

    private void onEvent(WatchEvent event) {
        ObjectNode old = switch (event.type()) {
            case BOOKMARK -> null;
            case DELETED -> event.object();
            default -> cache.get(key(event.object())).orElse(null);
        };
        cache.apply(event).ifPresent(key -> {
            ObjectNode now = event.type() == WatchEvent.Type.DELETED ? null : event.object();
            for (Handler handler : objectHandlers) {
                try {
                    handler.changed(old, now);
                } catch (RuntimeException e) {
                    LOG.error("handler of the {} informer failed on {}", type.resource(), key, e);
                }
            }
            for (Consumer<String> handler : handlers) {
                try {
                    handler.accept(key);
                } catch (RuntimeException e) {
                    // A failing handler must not cost the other controllers their watch.
                    LOG.error("handler of the {} informer failed on {}", type.resource(), key, e);
                }
            }
        });
    }

    /** Adds a handler and hands it every object already known, as an informer's resync does. */
    public void onChange(Consumer<String> handler) {
        handlers.add(handler);
        cache.keys().forEach(handler);
    }

    /** Adds an object handler and hands it every object already known, as added. */
    public void onObject(Handler handler) {
        objectHandlers.add(handler);
        cache.list().forEach(object -> handler.changed(null, object));
    }

    public static String key(ObjectNode object) {
        return ObjectCache.key(object);
    }

    /** The cached object; callers must not change it (copy first). */
    public Optional<ObjectNode> get(String key) {
        return cache.get(key);
    }

    public List<ObjectNode> list() {
        return cache.list();
    }

    public ResourceType type() {
        return type;
    }

    public void stop() {
        watch.stop();
    }
}
